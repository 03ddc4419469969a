package dev.awskit.grader.engine;

/** Gives the grader's own tests the catalog of the fixture questions 98 and 99. */
public final class FixtureCatalog {

  private FixtureCatalog() {}

  /** Returns the catalog of fixture questions 98 and 99. */
  public static Catalog load() {
    return Catalog.scan(Catalog.CONTRACTS_PACKAGE, Catalog.HIDDEN_TESTS_PACKAGE, 98, 99);
  }

  /** Returns a new compiler of submissions to these questions, against the grader's class path. */
  static SourceCompiler compiler() {
    return compiler(SourceCompiler.COMPILES_PER_FILE_MANAGER);
  }

  /** Returns a new compiler that replaces its file manager every {@code compilesPerFileManager}. */
  static SourceCompiler compiler(int compilesPerFileManager) {
    return new SourceCompiler(
        load(),
        GraderClassPath.entries(),
        FixtureCatalog.class.getClassLoader(),
        JavacThread.DEFAULT_TIME_LIMIT,
        compilesPerFileManager);
  }
}
