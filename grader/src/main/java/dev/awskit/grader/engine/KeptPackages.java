package dev.awskit.grader.engine;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tells whether a submission compiles on a kept javac context exactly as it would on a new one,
 * as far as packages go, and remembers what the kept context's earlier submissions declared.
 *
 * <p>A kept context forgets the classes its sources declared but not their packages
 * ({@link JavacContexts}): a package only an earlier student declared goes on existing in it,
 * with its parents. That changes nothing for a later submission that never names such a package,
 * or declares it itself; one that imports it on demand, names something in it, or declares a
 * class of its name could compile otherwise, or fail with other words, than on a new context.
 * So the packages the class path does not hold are remembered while the context is kept, and a
 * submission that names one of them without declaring it compiles on a new context.
 *
 * <p>Each instance follows one compiler's kept context, and is cleared when that context is
 * dropped.
 */
final class KeptPackages {

  /** Packages earlier sources declared that hold no class of the class path. */
  private final Set<String> declared = new HashSet<>();
  /** Their enclosing packages that hold no class of the class path, even within. */
  private final Set<String> parents = new HashSet<>();

  /**
   * Tells whether {@code sources} compile on the kept context as on a new one: none of their
   * types is a class of the class path, every package they import on demand exists for every
   * compile alike or is their own, and none of what they name or declare meets a package that
   * only earlier sources made. The unnamed package exists in every context, and the kept one
   * forgets the classes earlier sources declared in it as in any other package.
   */
  synchronized boolean admit(Collection<ParsedFile> sources, ContractsClassPath classPath) {
    Set<String> own = sources.stream().map(ParsedFile::packageName).collect(Collectors.toSet());
    Set<String> ownTypes =
        sources.stream().flatMap(ParsedFile::typeNames).collect(Collectors.toSet());
    if (classPath.holdsAnyOf(ownTypes)) {
      return false;
    }
    for (ParsedFile source : sources) {
      for (String imported : source.importedOnDemand()) {
        if (!own.contains(imported)
            && (!classPath.holdsPackage(imported) || leftByOthers(imported))) {
          return false;
        }
      }
      for (String name : source.dottedNames()) {
        Set<String> named = prefixes(name);
        named.add(name);
        for (String prefix : named) {
          if (!own.contains(prefix) && leftByOthers(prefix)) {
            return false;
          }
        }
      }
    }
    for (String type : ownTypes) {
      if (leftByOthers(type)) {
        return false;
      }
    }
    return true;
  }

  /** Remembers what {@code sources}, compiled on the kept context, left in it. */
  synchronized void kept(Collection<ParsedFile> sources, ContractsClassPath classPath) {
    for (ParsedFile source : sources) {
      // The class path alone: a JDK package that javac cannot see (with --release) would exist
      // once a student declared it.
      String name = source.packageName();
      if (name.isEmpty()) {
        continue;
      }
      if (!classPath.holdsOnClassPath(name)) {
        declared.add(name);
      }
      for (String parent : prefixes(name)) {
        if (!classPath.holdsClassesUnder(parent)) {
          parents.add(parent);
        }
      }
    }
  }

  /** Forgets everything: the context was dropped, and the next task starts on a new one. */
  synchronized void clear() {
    declared.clear();
    parents.clear();
  }

  private boolean leftByOthers(String name) {
    return declared.contains(name) || parents.contains(name);
  }

  /** Returns the proper prefixes of a dotted name: {@code a} and {@code a.b} for {@code a.b.c}. */
  private static Set<String> prefixes(String name) {
    Set<String> prefixes = new HashSet<>();
    for (int dot = name.indexOf('.'); dot > 0; dot = name.indexOf('.', dot + 1)) {
      prefixes.add(name.substring(0, dot));
    }
    return prefixes;
  }
}
