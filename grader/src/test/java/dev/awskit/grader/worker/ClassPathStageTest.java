package dev.awskit.grader.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that a class path of jars is staged once and reused only while every file is what it was
 * made as, and that the hidden tests never reach a file a worker can read.
 */
class ClassPathStageTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path work;

  @Test
  void aClassPathOfJarsIsStagedOnceAndFoundAgainByTheNextGrader() throws IOException {
    // given
    List<String> entries = jars();

    // when
    ClassPathStage.Staged first = stage().of(entries);
    ClassPathStage.Staged second = stage().of(entries);

    // then
    assertThat(first.kept()).as("whether a stage of jars is kept in the cache").isTrue();
    assertThat(second.folder())
        .as("the folder the second grader finds the stage in")
        .isEqualTo(first.folder());
    assertThat(Files.isSameFile(Path.of(second.classPath().get(1)), Path.of(entries.get(1))))
        .as("whether the library jar is staged as a hard link to itself")
        .isTrue();
    assertThat(names(Path.of(second.classPath().get(0))))
        .as("the staged copy of the grader's jar")
        .contains("dev/awskit/grader/Kept.class")
        .doesNotContain("dev/awskit/grader/hidden/q01/Secret.class");
    assertThat(second.hiddenClassesLine())
        .as("the input line that hands the workers the hidden classes")
        .startsWith(HiddenClasses.LINE_PREFIX)
        .contains("dev.awskit.grader.hidden.q01.Secret");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(second.folder().resolve("hidden-classes"))))
        .as("the permissions of the file of hidden classes, which only the grader may read")
        .isEqualTo("rw-------");
  }

  @Test
  void aStagedFileChangedAfterwardsIsNeverUsedAndTheStageIsMadeAgain() throws IOException {
    // given
    List<String> entries = jars();
    ClassPathStage.Staged made = stage().of(entries);
    Path copy = Path.of(made.classPath().get(0));
    try (OutputStream out = Files.newOutputStream(copy, java.nio.file.StandardOpenOption.APPEND)) {
      out.write("planted".getBytes(StandardCharsets.UTF_8));
    }

    // when
    ClassPathStage.Staged again = stage().of(entries);

    // then
    assertThat(Files.readString(Path.of(again.classPath().get(0)), StandardCharsets.ISO_8859_1))
        .as("the staged grader jar after a planted change was found in it")
        .doesNotContain("planted");
    try (var children = Files.list(work.resolve("cache"))) {
      assertThat(children.map(path -> path.getFileName().toString()))
          .as("the cache after the changed stage was made again")
          .anyMatch(name -> name.startsWith("stale-"));
    }
  }

  @Test
  void anArchiveChangedAfterItWasMadeIsNeverHandedToAWorker() throws IOException {
    // given
    List<String> entries = jars();
    ClassPathStage maker = stage();
    maker.of(entries);
    Path dumped = Files.writeString(work.resolve("cache/worker-1.jsa"), "archive");
    Path archive = maker.addArchive(dumped);
    ClassPathStage.Staged trusted = stage().of(entries);
    Files.writeString(archive, "planted", java.nio.file.StandardOpenOption.APPEND);

    // when
    ClassPathStage.Staged afterwards = stage().of(entries);

    // then
    assertThat(trusted.archive()).as("the archive of the unchanged stage").contains(archive);
    assertThat(afterwards.archive()).as("the archive after a planted change").isEmpty();
  }

  @Test
  void aManifestThatPointsALinkAtAnotherJarIsNotTrusted() throws IOException {
    // given
    List<String> entries = jars();
    ClassPathStage.Staged made = stage().of(entries);
    Path manifest = made.folder().resolve(StageManifest.FILE);
    Path other = jar("other.jar", Map.of("evil/Evil.class", "x"));
    String forged =
        Files.readString(manifest).replace(Path.of(entries.get(1)).toString(), other.toString());
    Files.writeString(manifest, forged);

    // when
    Optional<StageManifest> found =
        StageCache.at(work.resolve("cache"), CLOCK).orElseThrow().find(key(entries));

    // then
    assertThat(found).as("the stage whose manifest names another jar than its link").isEmpty();
  }

  @Test
  void aChangedJarGetsAStageOfItsOwn() throws IOException {
    // given
    List<String> entries = jars();
    ClassPathStage.Staged before = stage().of(entries);
    Path library = Path.of(entries.get(1));
    Files.delete(library);
    jar("library.jar", Map.of("lib/Library.class", "changed", "lib/More.class", "more"));

    // when
    ClassPathStage.Staged after = stage().of(entries);

    // then
    assertThat(after.folder()).as("the stage of the changed jars").isNotEqualTo(before.folder());
    assertThat(names(Path.of(after.classPath().get(1))))
        .as("the staged library")
        .contains("lib/More.class");
  }

  @Test
  void aCacheThatOthersMayWriteIsNotUsedAndTheStageIsTemporary() throws IOException {
    // given
    Path open = Files.createDirectory(work.resolve("open"));
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
    List<String> entries = jars();

    // when
    Optional<StageCache> cache = StageCache.at(open, CLOCK);
    ClassPathStage temporary = new ClassPathStage(cache, work.resolve("temporary"));
    ClassPathStage.Staged staged = temporary.of(entries);
    temporary.delete();

    // then
    assertThat(cache).as("a cache folder that every user may write").isEmpty();
    assertThat(staged.kept()).as("whether the stage is kept").isFalse();
    assertThat(work.resolve("temporary")).as("the temporary stage after the runner").doesNotExist();
  }

  @Test
  void aFolderOfClassesIsStagedAsAJarWithoutTheHiddenTestsAndKeptUntilItsContentChanges()
      throws IOException {
    // given
    Path classes = Files.createDirectories(work.resolve("classes/dev/awskit/grader"));
    Files.writeString(classes.resolve("Kept.class"), "kept");
    Files.createDirectories(classes.resolve("hidden/q01"));
    Files.writeString(classes.resolve("hidden/q01/Secret.class"), "secret");
    List<String> entries = List.of(work.resolve("classes").toString(), jars().get(1));
    ClassPathStage.Staged first = stage().of(entries);
    FileTime time = Files.getLastModifiedTime(classes.resolve("Kept.class"));

    // when the folder is built again with other content of the same size and time
    Files.writeString(classes.resolve("Kept.class"), "KEPT");
    Files.setLastModifiedTime(classes.resolve("Kept.class"), time);
    ClassPathStage.Staged second = stage().of(entries);

    // then
    assertThat(first.kept()).as("whether a stage with a class folder is kept").isTrue();
    assertThat(first.classPath().get(0)).as("the staged class folder").endsWith(".jar");
    assertThat(names(Path.of(first.classPath().get(0))))
        .as("what the staged class folder holds")
        .containsExactly("dev/awskit/grader/Kept.class");
    assertThat(first.hiddenClassesLine())
        .as("the input line that hands the workers the hidden classes")
        .contains("dev.awskit.grader.hidden.q01.Secret");
    assertThat(second.folder())
        .as("the stage of the folder after its content changed")
        .isNotEqualTo(first.folder());
  }

  @Test
  void onlyTheStagesUsedLastAreKept() throws IOException {
    // given
    StageCache cache = StageCache.at(work.resolve("cache"), CLOCK).orElseThrow();
    for (int old = 0; old < 4; old++) {
      Path stale = Files.createDirectory(cache.folder("old" + old));
      Files.setLastModifiedTime(stale, FileTime.from(CLOCK.instant().minusSeconds(100 - old)));
    }
    Path abandoned = Files.createDirectory(cache.root().resolve("building-abandoned"));
    Files.setLastModifiedTime(abandoned, FileTime.from(CLOCK.instant().minusSeconds(7200)));

    // when
    stage().of(jars());

    // then
    try (var children = Files.list(cache.root())) {
      assertThat(children.map(path -> path.getFileName().toString()).sorted().toList())
          .as("what the cache holds after a new stage was made")
          .hasSize(3)
          .contains("stage-old3", "stage-old2")
          .doesNotContain("stage-old0", "stage-old1", "building-abandoned");
    }
  }

  private ClassPathStage stage() {
    return new ClassPathStage(
        StageCache.at(work.resolve("cache"), CLOCK), work.resolve("temporary-" + System.nanoTime()));
  }

  private String key(List<String> entries) {
    return StageCache.key(entries).orElseThrow();
  }

  /** Returns a grader jar with a hidden test's class and a library jar, as class-path entries. */
  private List<String> jars() throws IOException {
    Path grader = work.resolve("grader.jar");
    if (!Files.exists(grader)) {
      jar(
          "grader.jar",
          Map.of(
              "dev/awskit/grader/Kept.class", "kept",
              "dev/awskit/grader/hidden/q01/Secret.class", "secret"));
      jar("library.jar", Map.of("lib/Library.class", "library"));
    }
    return List.of(grader.toString(), work.resolve("library.jar").toString());
  }

  private Path jar(String name, Map<String, String> files) throws IOException {
    Path jar = work.resolve(name);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (Map.Entry<String, String> file : files.entrySet()) {
        out.putNextEntry(new JarEntry(file.getKey()));
        out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return jar;
  }

  private static List<String> names(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.stream().map(JarEntry::getName).toList();
    }
  }
}
