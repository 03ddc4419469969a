package dev.awskit.grader.proof;

import dev.awskit.grader.testing.Assembled;
import java.util.List;

/**
 * Describes one case of the hostile corpus that {@link HostileCorpusTest} grades: what the hostile
 * question's feedback must say, and what else to check.
 *
 * @param name the case folder, {@code qNN/<case>}
 * @param vetting whether the static vetting is on
 * @param layer the layer that stops it
 * @param explanation a piece of the plain explanation the student reads
 */
record HostileCase(String name, boolean vetting, Layer layer, String explanation) {

  /** What the student reads when the worker refuses a file outside its sandbox. */
  static final String CONFINED = "may use only its working and temporary folders";

  /** Says which layer stops a case. */
  enum Layer {
    VETTING,
    WORKER,
    COMPILER,
    ENGINE,
    INTAKE
  }

  int question() {
    return Assembled.questionOf(name);
  }

  @Override
  public String toString() {
    return name + (vetting ? "" : " (vetting off)") + " -> " + layer;
  }

  /** Returns the cases the vetting refuses, to be graded again without it. */
  static List<HostileCase> refusedByTheVetting() {
    return all().stream()
        .filter(hostile -> hostile.vetting() && hostile.layer() == Layer.VETTING)
        .toList();
  }

  /** Returns every case, in the order the corpus grades them. */
  static List<HostileCase> all() {
    return List.of(
        // Refused by the static vetting: the worker never sees them.
        new HostileCase("q03/calls-system-exit", true, Layer.VETTING, "calls System.exit(int)"),
        new HostileCase("q05/calls-runtime-halt", true, Layer.VETTING, "calls Runtime.halt(int)"),
        new HostileCase("q10/deadlock", true, Layer.VETTING, "calls new Thread(Runnable)"),
        new HostileCase("q09/thread-bomb", true, Layer.VETTING, "calls new Thread(Runnable)"),
        new HostileCase(
            "q08/reads-grader-resources", true, Layer.VETTING, "calls Class.getResourceAsStream"),
        new HostileCase("q11/reflection-on-grader", true, Layer.VETTING, "calls Class.forName"),
        new HostileCase("q06/spawns-process", true, Layer.VETTING, "calls new ProcessBuilder"),
        new HostileCase("q03/opens-socket", true, Layer.VETTING, "calls new Socket"),
        // The same, with the vetting off: the worker JVM stops them at run time.
        new HostileCase("q03/calls-system-exit", false, Layer.WORKER, "ended the Java process"),
        new HostileCase("q05/calls-runtime-halt", false, Layer.WORKER, "ended the Java process"),
        new HostileCase("q10/deadlock", false, Layer.WORKER, "did not finish within 2 s"),
        // Allowed code that misbehaves at run time: stopped by the worker whether vetted or not.
        new HostileCase("q10/infinite-loop", true, Layer.WORKER, "did not finish within 2 s"),
        new HostileCase("q10/endless-sleep", true, Layer.WORKER, "did not finish within 2 s"),
        new HostileCase("q01/out-of-memory", true, Layer.WORKER, "ran out of memory"),
        new HostileCase("q02/deep-recursion", true, Layer.WORKER, "StackOverflowError"),
        new HostileCase("q10/output-flood", true, Layer.WORKER, "did not finish within 2 s"),
        new HostileCase(
            "q04/writes-outside-sandbox", true, Layer.WORKER, "should exist, but it does not"),
        // Refused by the vetting now (it writes to the raw standard output through java.io):
        // graded without it, to prove the worker's framing.
        new HostileCase("q05/forged-events", false, Layer.WORKER, "no presign request at all"),
        new HostileCase(
            "q02/reads-environment", true, Layer.WORKER, "Your code threw IllegalStateException"),
        // Files outside the sandbox: java.nio.file is confined in the worker, java.io is vetted.
        new HostileCase("q04/reads-grader-jar", true, Layer.WORKER, CONFINED),
        new HostileCase("q04/writes-next-to-grader", true, Layer.WORKER, CONFINED),
        new HostileCase(
            "q04/java-io-bypass", true, Layer.VETTING, "calls new FileInputStream(String)"),
        // Jackson's reflective features as a route around the vetting: refused by its library
        // rules; with the vetting off, the worker and the operating system stop what gets run.
        new HostileCase(
            "q04/jackson-mixin-file-write", true, Layer.VETTING, "calls ObjectMapper.addMixIn"),
        new HostileCase(
            "q06/jackson-class-process",
            true,
            Layer.VETTING,
            "passes Class.class to ObjectMapper.readValue(String, Class)"),
        new HostileCase(
            "q05/jackson-default-typing-halt",
            true,
            Layer.VETTING,
            "calls JsonMapper.Builder.activateDefaultTyping"),
        new HostileCase(
            "q05/jackson-default-typing-halt", false, Layer.WORKER, "ended the Java process"),
        // Sources that overflow javac's stack: charged to their question, the grader survives.
        new HostileCase(
            "q02/compiler-stack-bomb-sum", true, Layer.COMPILER, "ran out of stack space on"),
        new HostileCase(
            "q08/compiler-stack-bomb-parentheses",
            true,
            Layer.COMPILER,
            "ran out of stack space on"),
        // Broken in the ordinary ways: the engine or the compiler explains them.
        new HostileCase(
            "q08/throwing-static-initialiser", true, Layer.ENGINE, "its static initialiser threw"),
        new HostileCase("q06/throwing-constructor", true, Layer.ENGINE, "its constructor threw"),
        new HostileCase(
            "q07/wrong-constructor",
            true,
            Layer.ENGINE,
            "has no constructor UsersByStatusQuery(DynamoDbClient, String)"),
        new HostileCase(
            "q12/missing-class", true, Layer.ENGINE, "no class that implements UploadEventHandler"),
        new HostileCase(
            "q09/two-implementations", true, Layer.ENGINE, "2 classes that implement MessageQueue"),
        new HostileCase("q07/compile-error", true, Layer.COMPILER, "does not compile"),
        new HostileCase(
            "q11/reads-tests-through-library",
            true,
            Layer.COMPILER,
            "package net.bytebuddy.dynamic.ClassFileLocator does not exist"));
  }
}
