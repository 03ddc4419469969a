package dev.awskit.grader.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Carries the hidden tests' classes to a worker that must not find them in a file: a confined
 * worker's class path holds the grader's own code without the question packages ({@code
 * dev.awskit.grader.hidden.qNN}), and the grader hands it their class files on its input instead,
 * as one line after the nonce. The worker defines them in a class loader that serves no resource,
 * so code under grading finds them neither on disk nor through a class loader.
 */
final class HiddenClasses {

  /** Starts the input line that carries the classes. */
  static final String LINE_PREFIX = "classes ";

  private static final Pattern QUESTION_CLASS =
      Pattern.compile("dev/awskit/grader/hidden/q\\d\\d/.+\\.class");

  private static final ObjectMapper JSON = new ObjectMapper();

  private HiddenClasses() {}

  /** Tells whether a class-path entry name ({@code a/b/C.class}) is a hidden test's class. */
  static boolean isHidden(String entryName) {
    return QUESTION_CLASS.matcher(entryName.replace('\\', '/')).matches();
  }

  /** Reads the hidden tests' class files from the class-path entries: folders or jars. */
  static Map<String, byte[]> read(List<String> classPath) {
    Map<String, byte[]> classes = new LinkedHashMap<>();
    try {
      for (String entry : classPath) {
        Path root = Path.of(entry);
        if (Files.isDirectory(root)) {
          try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
              String name = root.relativize(file).toString().replace('\\', '/');
              if (isHidden(name)) {
                classes.putIfAbsent(binaryName(name), Files.readAllBytes(file));
              }
            }
          }
        } else if (Files.isRegularFile(root)) {
          try (JarFile jar = new JarFile(root.toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
              JarEntry jarEntry = entries.nextElement();
              if (isHidden(jarEntry.getName())) {
                classes.putIfAbsent(
                    binaryName(jarEntry.getName()), jar.getInputStream(jarEntry).readAllBytes());
              }
            }
          }
        }
      }
    } catch (IOException unreadable) {
      throw new UncheckedIOException("Cannot read the hidden tests' classes", unreadable);
    }
    return classes;
  }

  /** Returns the classes as one input line for a worker. */
  static String line(Map<String, byte[]> classes) {
    Map<String, String> encoded = new LinkedHashMap<>();
    classes.forEach((name, bytes) -> encoded.put(name, Base64.getEncoder().encodeToString(bytes)));
    try {
      return LINE_PREFIX + JSON.writeValueAsString(encoded);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException("Class files cannot be written as JSON", impossible);
    }
  }

  /** Reads the classes back from an input line that starts with {@link #LINE_PREFIX}. */
  static Map<String, byte[]> parse(String line) throws JsonProcessingException {
    Map<String, String> encoded =
        JSON.readValue(line.substring(LINE_PREFIX.length()), new TypeReference<>() {});
    Map<String, byte[]> classes = new LinkedHashMap<>();
    encoded.forEach((name, base64) -> classes.put(name, Base64.getDecoder().decode(base64)));
    return classes;
  }

  private static String binaryName(String entryName) {
    return entryName.substring(0, entryName.length() - ".class".length()).replace('/', '.');
  }
}
