package dev.awskit.grader.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Chooses the class path a submission is compiled against: of the grader's own entries, those
 * that hold only what a student's project compiles against (the exercise contracts, the AWS SDK
 * with what it brings, Jackson).
 *
 * <p>Everything else the grader carries stays out of the submission's reach, since a library can
 * act for the code that calls it: Byte Buddy, for one, reads any class file on the class path, the
 * hidden tests included. Code that names such a library does not compile.
 */
final class StudentClassPath {

  /** Lists the packages, as class-file folders, a student's code may compile against. */
  private static final List<String> ALLOWED_PACKAGES =
      List.of(
          "dev/awskit/exercises/",
          "software/amazon/",
          "com/fasterxml/jackson/core/",
          "com/fasterxml/jackson/databind/",
          "com/fasterxml/jackson/annotation/",
          "org/reactivestreams/",
          "org/slf4j/",
          "org/apache/hc/",
          "org/apache/commons/codec/");

  private StudentClassPath() {}

  /** Returns the entries of {@code classPath} that hold classes of the allowed packages only. */
  static List<Path> select(List<Path> classPath) {
    List<Path> selected = new ArrayList<>();
    for (Path entry : classPath) {
      if (holdsOnlyAllowedClasses(entry)) {
        selected.add(entry);
      }
    }
    return List.copyOf(selected);
  }

  private static boolean holdsOnlyAllowedClasses(Path entry) {
    List<String> classFiles = Files.isDirectory(entry) ? classFilesIn(entry) : classFilesOf(entry);
    return !classFiles.isEmpty() && classFiles.stream().allMatch(StudentClassPath::allowed);
  }

  private static boolean allowed(String classFile) {
    String name = withoutVersionFolder(classFile);
    return name.equals("module-info.class")
        || ALLOWED_PACKAGES.stream().anyMatch(name::startsWith);
  }

  /** Strips the folder of a multi-release jar's versioned classes: META-INF/versions/11/. */
  private static String withoutVersionFolder(String classFile) {
    String versions = "META-INF/versions/";
    if (!classFile.startsWith(versions)) {
      return classFile;
    }
    int end = classFile.indexOf('/', versions.length());
    return end < 0 ? classFile : classFile.substring(end + 1);
  }

  private static List<String> classFilesOf(Path jar) {
    List<String> classFiles = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      Enumeration<JarEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        String name = entries.nextElement().getName();
        if (name.endsWith(".class")) {
          classFiles.add(name);
        }
      }
    } catch (IOException notAJar) {
      // Not a jar: no class a submission could use.
    }
    return classFiles;
  }

  private static List<String> classFilesIn(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(path -> path.toString().endsWith(".class"))
          .map(path -> folder.relativize(path).toString().replace('\\', '/'))
          .toList();
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }
}
