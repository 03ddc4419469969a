package dev.awskit.grader.distribution;

import dev.awskit.grader.engine.IsolationLevel;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Describes a class to grade on Kubernetes.
 *
 * @param name the Jobs' name prefix, a DNS label (lower case letters, digits, dashes)
 * @param namespace the namespace of the Jobs, or the one {@code kubectl} uses
 * @param image the grader's container image
 * @param volumeClaim the PersistentVolumeClaim that holds the batch folder and takes the results
 * @param batchFolder the batch folder, relative to the volume's root
 * @param outputFolder the output folder, relative to the volume's root
 * @param policy the grading policy file, relative to the volume's root, if any
 * @param shards how many shards, that is pods that run to completion
 * @param parallelism how many shards run at once
 * @param jobsPerPod how many submissions one pod grades at once ({@code batch --jobs})
 * @param isolation the level every pod must reach
 */
public record GradingJobSpec(
    String name,
    Optional<String> namespace,
    String image,
    String volumeClaim,
    String batchFolder,
    String outputFolder,
    Optional<String> policy,
    int shards,
    int parallelism,
    int jobsPerPod,
    IsolationLevel isolation) {

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,40}[a-z0-9])?");
  private static final Pattern RELATIVE = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

  /** Checks every field, so that a manifest is never written from a value Kubernetes refuses. */
  public GradingJobSpec {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(isolation, "isolation");
    check(name != null && DNS_LABEL.matcher(name).matches(),
        "The name must be 1 to 42 lower-case letters, digits or dashes, starting and ending with a"
            + " letter or digit (the Jobs add -shards and -merge); '" + name + "' is not.");
    namespace.ifPresent(space -> check(DNS_LABEL.matcher(space).matches(),
        "The namespace must be a DNS label; '" + space + "' is not."));
    check(image != null && !image.isBlank() && !image.contains(" "),
        "The image must be a reference such as registry.example.edu/awskit-grader:1.0.");
    check(volumeClaim != null && DNS_LABEL.matcher(volumeClaim).matches(),
        "The volume claim must be the name of a PersistentVolumeClaim; '" + volumeClaim + "' is not.");
    for (String folder : new String[] {batchFolder, outputFolder}) {
      checkRelative(folder);
    }
    policy.ifPresent(GradingJobSpec::checkRelative);
    check(!batchFolder.equals(outputFolder) && !outputFolder.startsWith(batchFolder + "/"),
        "The output folder must not be the batch folder or inside it.");
    check(shards >= 1 && shards <= 10_000, "--shards must be 1 to 10000; it is " + shards + ".");
    check(parallelism >= 1 && parallelism <= shards,
        "--parallelism must be 1 to the number of shards; it is " + parallelism + ".");
    check(jobsPerPod >= 1 && jobsPerPod <= 64, "--jobs must be 1 to 64; it is " + jobsPerPod + ".");
    check(isolation != IsolationLevel.NONE, "A pod grades untrusted code: require jvm, uid or os.");
  }

  private static void checkRelative(String folder) {
    check(folder != null && RELATIVE.matcher(folder).matches() && !folder.contains(".."),
        "Folders are relative to the volume's root, such as week3/submissions, without '..'; '"
            + folder + "' is not.");
  }

  private static void check(boolean holds, String message) {
    if (!holds) {
      throw new IllegalArgumentException(message);
    }
  }
}
