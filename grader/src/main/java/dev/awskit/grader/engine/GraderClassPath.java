package dev.awskit.grader.engine;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** Finds the grader's own class path and the roots that hold given classes. */
public final class GraderClassPath {

  private GraderClassPath() {}

  /**
   * Returns the entries of the grader's runtime class path, with the {@code Class-Path} entries
   * of jar manifests followed, as they are when the grader runs with {@code java -jar}.
   */
  public static List<Path> entries() {
    Set<Path> entries = new LinkedHashSet<>();
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        try {
          add(Path.of(entry).toAbsolutePath().normalize(), entries);
        } catch (InvalidPathException unusable) {
          // An entry that is no path cannot hold classes either.
        }
      }
    }
    return List.copyOf(entries);
  }

  private static void add(Path entry, Set<Path> entries) {
    if (!Files.exists(entry) || !entries.add(entry)) {
      return;
    }
    if (Files.isRegularFile(entry)) {
      for (Path referenced : manifestClassPath(entry)) {
        add(referenced, entries);
      }
    }
  }

  private static List<Path> manifestClassPath(Path jar) {
    List<Path> referenced = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      Manifest manifest = file.getManifest();
      String classPath =
          manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
      if (classPath == null) {
        return referenced;
      }
      URI base = jar.getParent().toUri();
      for (String item : classPath.trim().split("\\s+")) {
        try {
          URI resolved = base.resolve(item);
          if ("file".equals(resolved.getScheme())) {
            referenced.add(Path.of(resolved).normalize());
          }
        } catch (IllegalArgumentException unusable) {
          // Skip an entry that is no file URL, as the JVM does.
        }
      }
    } catch (IOException unreadable) {
      // Not a jar (or an unreadable one): it references nothing.
    }
    return referenced;
  }

  /**
   * Returns the class path root (a directory or a jar) from which {@code loader} loads the
   * resource, such as {@code dev/awskit/exercises/q01/Some.class}.
   */
  public static Optional<Path> rootOf(String resource, ClassLoader loader) {
    URL url = loader.getResource(resource);
    if (url == null) {
      return Optional.empty();
    }
    try {
      if ("jar".equals(url.getProtocol())) {
        String spec = url.getPath();
        int separator = spec.indexOf("!/");
        return Optional.of(Path.of(new URI(spec.substring(0, separator))).toAbsolutePath().normalize());
      }
      if ("file".equals(url.getProtocol())) {
        Path path = Path.of(url.toURI());
        for (int segments = resource.split("/").length; segments > 0; segments--) {
          path = path.getParent();
        }
        return Optional.of(path.toAbsolutePath().normalize());
      }
    } catch (URISyntaxException | IllegalArgumentException unusable) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
