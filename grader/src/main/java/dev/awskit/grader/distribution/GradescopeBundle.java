package dev.awskit.grader.distribution;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Builds the autograder zip that an instructor uploads to Gradescope.
 *
 * <p>It follows Gradescope's contract: {@code setup.sh} and {@code run_autograder} at the root of
 * the zip. Gradescope unpacks the zip to {@code /autograder/source}, runs {@code setup.sh} once
 * while it builds the image (it installs a JDK 17 and bubblewrap through apt; nothing is downloaded
 * at grading time), and runs {@code run_autograder} for every submission: it prints the isolation
 * level the grader finds, grades {@code /autograder/submission} with {@code --isolation auto} (and
 * {@code --submission-metadata /autograder/submission_metadata.json}, for a policy's late section)
 * and writes {@code /autograder/results/results.json}.
 *
 * <p>The zip holds:
 *
 * <pre>
 * setup.sh                  installs what is missing of a JDK 17, bubblewrap and util-linux
 * run_autograder            prints the isolation level, then runs the grader with a JVM sized for
 *                           768 MB and half a CPU
 * grader/awskit-grader.jar  the runnable grader jar
 * grader/lib/...            the libraries its manifest's Class-Path names
 * policy/NAME               the grading policy, when one is given
 * </pre>
 *
 * <p>The library that holds the reference solution is left out: grading a submission never needs it
 * (only grading the reference itself does, which is an instructor's job on their own machine), and
 * the same zip serves as the grader of the GitHub workflow, where students could reach it. {@code
 * self-check} run from the zip therefore checks the stubs only.
 */
public final class GradescopeBundle {

  /** Names the zip file an instructor gets when the command line is given no name. */
  public static final String DEFAULT_FILE_NAME = "autograder.zip";

  /**
   * Names where the command line writes the bundle when given no name: under the build's {@code
   * target/}, which git ignores, so a bundle leaves nothing untracked in the repository.
   */
  public static final String DEFAULT_OUTPUT = "target/" + DEFAULT_FILE_NAME;

  /** Names the runnable grader jar, in the folder given and in the bundle. */
  public static final String GRADER_JAR = "awskit-grader.jar";

  /** Names the bundle's folder that holds the grader jar and its libraries. */
  static final String GRADER_FOLDER = "grader";

  /** Names the bundle's folder that holds the policy file. */
  static final String POLICY_FOLDER = "policy";

  private static final String REFERENCE_PACKAGE = "dev/awskit/solutions/";

  private GradescopeBundle() {}

  /**
   * Writes the Gradescope autograder zip.
   *
   * @param graderJarFolder the folder that holds {@code awskit-grader.jar} and the libraries its
   *     manifest names (after {@code ./mvnw package}: {@code grader/target})
   * @param zipFile the zip to write; an existing file is replaced, missing folders are made
   * @param policyFile a grading policy to pack and use, or empty for the grader's defaults
   * @return the zip and the names of its files
   * @throws DistributionException if the jar, a library it names or the policy file is missing
   * @throws IOException if a file cannot be read or the zip cannot be written
   */
  public static WrittenArchive write(Path graderJarFolder, Path zipFile, Optional<Path> policyFile)
      throws IOException {
    Path folder = graderJarFolder.toAbsolutePath().normalize();
    Path jar = folder.resolve(GRADER_JAR);
    if (!Files.isRegularFile(jar)) {
      throw new DistributionException(
          "No "
              + GRADER_JAR
              + " in "
              + folder
              + "; build it first with ./mvnw -B package -pl grader -am");
    }
    List<String> libraries = libraries(jar, folder);
    Optional<Path> policy = policyFile.map(path -> path.toAbsolutePath().normalize());
    if (policy.isPresent() && !Files.isRegularFile(policy.get())) {
      throw new DistributionException("The policy file " + policy.get() + " does not exist");
    }
    String packedPolicy = policy.map(path -> POLICY_FOLDER + "/" + safeName(path)).orElse("");

    try (ZipArchiveWriter zip = ZipArchiveWriter.create(zipFile)) {
      zip.addBytes("setup.sh", template("gradescope/setup.sh", Map.of()), true);
      zip.addBytes(
          "run_autograder",
          template("gradescope/run_autograder", Map.of("PACKED_POLICY", packedPolicy)),
          true);
      zip.addFile(GRADER_FOLDER + "/" + GRADER_JAR, jar, false);
      for (String library : libraries) {
        zip.addFile(GRADER_FOLDER + "/" + library, folder.resolve(library), false);
      }
      if (policy.isPresent()) {
        zip.addFile(packedPolicy, policy.get(), false);
      }
      return zip.complete();
    }
  }

  /**
   * Returns the libraries that the jar's manifest {@code Class-Path} names, relative to the jar's
   * folder, and checks that each is there.
   */
  static List<String> libraries(Path jar, Path folder) throws IOException {
    Manifest manifest;
    try (JarFile file = new JarFile(jar.toFile())) {
      manifest = file.getManifest();
    }
    if (manifest == null
        || manifest.getMainAttributes().getValue(Attributes.Name.MAIN_CLASS) == null) {
      throw new DistributionException(
          jar + " is not a runnable jar: its manifest names no Main-Class");
    }
    String classPath = manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
    List<String> libraries = new ArrayList<>();
    if (classPath == null || classPath.isBlank()) {
      return libraries;
    }
    List<String> missing = new ArrayList<>();
    for (String item : classPath.strip().split("\\s+")) {
      URI resolved = folder.toUri().resolve(item);
      Path library = "file".equals(resolved.getScheme()) ? Path.of(resolved).normalize() : null;
      if (library == null || !library.startsWith(folder) || library.equals(folder)) {
        throw new DistributionException(
            "The manifest of " + jar + " names " + item + ", which is not a file beside the jar");
      }
      if (!Files.isRegularFile(library)) {
        missing.add(item);
      } else if (!holdsReferenceSolution(library) && !isSimilarityOnly(library)) {
        libraries.add(folder.relativize(library).toString().replace('\\', '/'));
      }
    }
    if (!missing.isEmpty()) {
      throw new DistributionException(
          "The grader jar needs libraries that are not in "
              + folder
              + ": "
              + String.join(", ", missing)
              + " (./mvnw package copies them to grader/target/lib)");
    }
    return libraries;
  }

  /**
   * Tells whether the jar is JPlag or one of its language modules: only a class's similarity check
   * needs them, which no Gradescope run makes, and JPlag's licence (GPL-3.0) is not the kit's, so
   * the bundle leaves them out.
   */
  static boolean isSimilarityOnly(Path library) throws IOException {
    try (JarFile file = new JarFile(library.toFile())) {
      return file.stream().anyMatch(entry -> entry.getName().startsWith("de/jplag/"));
    }
  }

  /** Tells whether the jar holds classes of the reference solution. */
  static boolean holdsReferenceSolution(Path library) throws IOException {
    try (JarFile file = new JarFile(library.toFile())) {
      return file.stream().anyMatch(entry -> entry.getName().startsWith(REFERENCE_PACKAGE));
    }
  }

  /**
   * Returns the file's name with anything but letters, digits, dot, dash and underscore replaced.
   */
  private static String safeName(Path file) {
    String name = file.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
    return name.startsWith(".") ? "_" + name.substring(1) : name;
  }

  private static byte[] template(String name, Map<String, String> values) {
    return Templates.read(name, values).getBytes(StandardCharsets.UTF_8);
  }
}
