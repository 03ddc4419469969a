package dev.awskit.grader.engine;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreeScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Holds what parsing told about a source file.
 *
 * @param packageName the package it declares, empty for the unnamed package
 * @param types the simple names of its top-level types
 * @param implemented the simple names of the interfaces those types implement
 * @param importedOnDemand the packages it imports on demand ({@code import a.b.*;})
 * @param dottedNames every qualified name in its imports and types ({@code a.b.C}, {@code s3.put}),
 *     outside its package clause: what may name a package
 */
record ParsedFile(
    String packageName,
    List<String> types,
    List<String> implemented,
    List<String> importedOnDemand,
    Set<String> dottedNames) {

  /** Parses the task's sources and returns what each file holds, by its path. */
  static Map<Path, ParsedFile> allOf(JavacTask task) {
    Map<Path, ParsedFile> parsed = new LinkedHashMap<>();
    try {
      for (CompilationUnitTree unit : task.parse()) {
        parsed.put(SourcePaths.fileOf(unit.getSourceFile()), of(unit));
      }
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
    return parsed;
  }

  private static ParsedFile of(CompilationUnitTree unit) {
    Set<String> types = new LinkedHashSet<>();
    Set<String> implemented = new LinkedHashSet<>();
    Set<String> importedOnDemand = new LinkedHashSet<>();
    for (ImportTree imported : unit.getImports()) {
      if (!imported.isStatic()
          && imported.getQualifiedIdentifier() instanceof MemberSelectTree selected
          && selected.getIdentifier().contentEquals("*")) {
        importedOnDemand.add(selected.getExpression().toString());
      }
    }
    for (Tree declaration : unit.getTypeDecls()) {
      if (declaration instanceof ClassTree type && !type.getSimpleName().isEmpty()) {
        types.add(type.getSimpleName().toString());
        for (Tree contract : type.getImplementsClause()) {
          implemented.add(simpleName(contract.toString()));
        }
      }
    }
    Set<String> dottedNames = new LinkedHashSet<>();
    TreeScanner<Void, Void> names =
        new TreeScanner<>() {
          @Override
          public Void visitMemberSelect(MemberSelectTree select, Void unused) {
            if (rootedInAName(select)) {
              dottedNames.add(select.toString());
            }
            return super.visitMemberSelect(select, unused);
          }
        };
    names.scan(unit.getImports(), null);
    names.scan(unit.getTypeDecls(), null);
    return new ParsedFile(
        unit.getPackageName() == null ? "" : unit.getPackageName().toString(),
        List.copyOf(types),
        List.copyOf(implemented),
        List.copyOf(importedOnDemand),
        Set.copyOf(dottedNames));
  }

  private static boolean rootedInAName(MemberSelectTree select) {
    ExpressionTree inner = select.getExpression();
    while (inner instanceof MemberSelectTree outer) {
      inner = outer.getExpression();
    }
    return inner instanceof IdentifierTree;
  }

  /** Returns the binary names of the top-level types the file declares. */
  Stream<String> typeNames() {
    return types.stream().map(type -> packageName.isEmpty() ? type : packageName + "." + type);
  }

  private static String simpleName(String typeName) {
    int generic = typeName.indexOf('<');
    String raw = generic < 0 ? typeName : typeName.substring(0, generic);
    return raw.substring(raw.lastIndexOf('.') + 1).trim();
  }
}
