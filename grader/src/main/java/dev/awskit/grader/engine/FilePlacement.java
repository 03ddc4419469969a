package dev.awskit.grader.engine;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Places a submission's source files: which question each belongs to, and which are left out of
 * the compile (module and package descriptors, and files that declare a type of the exercise
 * contracts, which the grader keeps its own copy of).
 *
 * @param catalog the questions, their contracts and packages
 * @param grader the class loader that holds the grader's own copy of the contracts
 */
record FilePlacement(Catalog catalog, ClassLoader grader) {

  /** Returns why the file is left out of the compile, or empty when it is compiled. */
  Optional<String> reasonToSkip(Path source, ParsedFile file) {
    String name = source.getFileName().toString();
    if (name.equals("module-info.java") || name.equals("package-info.java")) {
      return Optional.of("module and package descriptors are not part of a submission");
    }
    if (file == null) {
      return Optional.empty();
    }
    Set<String> implementations = catalog.implementationClassNames();
    for (String type : file.types()) {
      String binaryName = file.packageName().isEmpty() ? type : file.packageName() + "." + type;
      if (binaryName.startsWith(Catalog.CONTRACTS_PACKAGE + ".")
          && !implementations.contains(binaryName)
          && grader.getResource(binaryName.replace('.', '/') + ".class") != null) {
        return Optional.of(
            "it declares " + type + ", a type of the exercise contracts, which a submission"
                + " cannot replace; the grader uses its own copy");
      }
    }
    return Optional.empty();
  }

  /** Tells which question a file belongs to: what it implements, what it is named, its package. */
  Optional<Integer> questionOf(ParsedFile file) {
    if (file == null) {
      return Optional.empty();
    }
    for (String contract : file.implemented()) {
      Optional<Integer> question = catalog.questionNamed(contract);
      if (question.isPresent()) {
        return question;
      }
    }
    for (String type : file.types()) {
      Optional<Integer> question = catalog.questionNamed(type);
      if (question.isPresent()) {
        return question;
      }
    }
    return catalog.questionOfPackage(file.packageName());
  }

  /** Tells which question a file javac could not parse belongs to: its name, then its folder. */
  Optional<Integer> questionOfUnparsed(Path base, Path source) {
    String name = source.getFileName().toString();
    Optional<Integer> named = catalog.questionNamed(name.substring(0, name.lastIndexOf('.')));
    if (named.isPresent()) {
      return named;
    }
    String folder = SourcePaths.relative(base, source.getParent());
    return catalog.questionOfPackage(folder.replace('/', '.'));
  }
}
