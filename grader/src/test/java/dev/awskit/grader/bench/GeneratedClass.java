package dev.awskit.grader.bench;

import dev.awskit.grader.batch.StudentSubmission;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Writes a class of generated submissions, seeded so that every run writes the same class, in one
 * of three modes:
 *
 * <ul>
 *   <li>{@code copies}: every student hands in the reference with a comment of their own, so every
 *       pair's token streams are identical;
 *   <li>{@code mixed}: for every question a student hands in the reference, one of the faulty
 *       variants the hidden tests are checked with, or the untouched stub's file is left out, and
 *       then adds statements of their own at random (a seeded {@link Random}), so that two
 *       students share some questions' code, in pieces: most pairs stay alike (the variants are
 *       the reference with one mistake);
 *   <li>{@code independent}: as {@code mixed}, with a statement of a random shape after every
 *       statement, so that two students' token streams agree only in short runs, as independent
 *       students' code does.
 * </ul>
 *
 * <p>Every submission's text differs from every other's, whatever the mode. Paths are read from
 * {@code grader/}.
 */
final class GeneratedClass {

  /** Names the modes. */
  static final List<String> MODES = List.of("copies", "mixed", "independent");

  private static final Path SOLUTIONS = Path.of("..", "solutions", "src", "main", "java");
  private static final Path FAULTY = Path.of("src", "test", "resources", "faulty");

  private GeneratedClass() {}

  /**
   * Writes the class into {@code classFolder}, one folder per student named {@code s0000} ..,
   * keeping the folders an earlier run wrote.
   */
  static List<StudentSubmission> write(String mode, int students, Path classFolder)
      throws IOException {
    if (!MODES.contains(mode)) {
      throw new IllegalArgumentException("The mode is one of " + MODES + ", not " + mode);
    }
    Random random = new Random(42);
    List<StudentSubmission> submissions = new ArrayList<>();
    for (int i = 0; i < students; i++) {
      String id = String.format(Locale.ROOT, "s%04d", i);
      Path folder = classFolder.resolve(id);
      if (!Files.exists(folder)) {
        build(mode, id, folder, random);
      }
      submissions.add(StudentSubmission.of(id, folder));
    }
    return submissions;
  }

  private static void build(String mode, String id, Path folder, Random random)
      throws IOException {
    try (Stream<Path> questions = Files.list(SOLUTIONS.resolve("dev/awskit/solutions"))) {
      for (Path question : questions.sorted().toList()) {
        List<Path> variants = new ArrayList<>();
        variants.add(question);
        Path faulty = FAULTY.resolve(question.getFileName());
        if (!mode.equals("copies") && Files.isDirectory(faulty)) {
          try (Stream<Path> list = Files.list(faulty)) {
            variants.addAll(list.sorted().toList());
          }
        }
        if (!mode.equals("copies") && random.nextInt(8) == 0) {
          continue; // left as the stub: nothing handed in for this question
        }
        Path chosen = variants.get(mode.equals("copies") ? 0 : random.nextInt(variants.size()));
        Path target = Files.createDirectories(folder.resolve("dev/awskit/solutions").resolve(question.getFileName()));
        // A faulty variant replaces some of the question's files; the others stay the reference's.
        copyJava(question, target, mode, id, random);
        if (!chosen.equals(question)) {
          copyJava(chosen, target, mode, id, random);
        }
      }
    }
  }

  private static void copyJava(Path from, Path to, String mode, String id, Random random)
      throws IOException {
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String written =
            mode.equals("copies")
                ? text + "// " + id + "\n"
                : personalise(text, random, mode.equals("independent"));
        Files.writeString(to.resolve(file.getFileName()), written, StandardCharsets.UTF_8);
      }
    }
  }

  // Statements of different token shapes, so that dense insertions break the streams apart.
  private static final List<String> SHAPES =
      List.of(
          "    long OWN = System.nanoTime() % 7;",
          "    String OWN = String.valueOf(System.nanoTime());",
          "    for (int OWN = 0; OWN < 2; OWN++) { System.nanoTime(); }",
          "    if (System.nanoTime() < 0) { throw new IllegalStateException(\"OWN\"); }",
          "    java.util.List<Integer> OWN = new java.util.ArrayList<>(); OWN.add(1);",
          "    while (System.nanoTime() < 0) { Thread.yield(); }  // OWN");

  /**
   * Adds statements of the student's own to method bodies: after about one statement in four
   * ({@code mixed}), or after every one, of random shapes ({@code independent}).
   */
  private static String personalise(String text, Random random, boolean dense) {
    StringBuilder out = new StringBuilder();
    int depth = 0;
    int added = 0;
    String[] lines = text.split("\n", -1);
    for (int index = 0; index < lines.length; index++) {
      String line = lines[index];
      out.append(line).append('\n');
      String trimmed = line.trim();
      // Not at the end of an arrow case of a switch, where only a case or the end may follow.
      String next = index + 1 < lines.length ? lines[index + 1].trim() : "";
      depth += count(line, '{') - count(line, '}');
      // Inside a method (class body is depth 1; a field is not), after a complete statement.
      if (depth >= 2
          && trimmed.endsWith(";")
          && !trimmed.matches("^(private|public|protected|static|final)\\b.*")
          && !trimmed.startsWith("return")
          && !trimmed.startsWith("throw")
          && !trimmed.startsWith("case")
          && !trimmed.startsWith("break")
          && !trimmed.startsWith("continue")
          && !trimmed.startsWith("yield")
          && !next.startsWith("case")
          && !next.startsWith("default")
          && !next.startsWith("};")
          && (dense || random.nextInt(4) == 0)) {
        added++;
        String shape = dense ? SHAPES.get(random.nextInt(SHAPES.size())) : SHAPES.get(0);
        out.append(shape.replace("OWN", "own" + added)).append('\n');
      }
    }
    return out.toString();
  }

  private static int count(String line, char c) {
    return (int) line.chars().filter(ch -> ch == c).count();
  }
}
