package dev.awskit.grader.distribution;

import dev.awskit.grader.engine.IsolationLevel;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the two Kubernetes Jobs that grade a class on a cluster: an Indexed Job whose pods each
 * grade one shard ({@code batch --shards N}, the index from {@code JOB_COMPLETION_INDEX}) into a
 * shared volume, and a Job that merges the shards' gradebooks once they are all there.
 *
 * <p>Every pod runs the grader's image as it is, with arguments only; the pod's security context
 * is the one the required isolation level needs (see {@link PodSecurity}), and the grader is told
 * to require that level, so a pod that cannot reach it fails instead of grading less confined.
 */
public final class GradingJobs {

  /** Names the folder the volume is mounted at in every pod. */
  public static final String MOUNT = "/data";

  /** Holds the measured peak of the grader's own JVM in a batch, rounded up (performance.md). */
  public static final int GRADER_MEBIBYTES = 512;

  /** Holds the measured peak of one worker JVM, rounded up (performance.md). */
  public static final int WORKER_MEBIBYTES = 256;

  private final GradingJobSpec spec;

  /** Creates the Jobs that {@code spec} describes. */
  public GradingJobs(GradingJobSpec spec) {
    this.spec = spec;
  }

  /** Returns the Indexed Job of the shards. */
  public Job shards() {
    List<String> args =
        new ArrayList<>(
            List.of(
                "batch", inVolume(spec.batchFolder()), "-o", inVolume(spec.outputFolder()),
                "--shards", String.valueOf(spec.shards()), "--jobs", String.valueOf(spec.jobsPerPod()),
                "--progress", "lines"));
    spec.policy().ifPresent(policy -> args.addAll(List.of("--policy", inVolume(policy))));
    args.addAll(List.of("--isolation", "auto", "--require-isolation", spec.isolation().label()));
    return new JobBuilder()
        .withNewMetadata()
        .withName(spec.name() + "-shards")
        .withNamespace(spec.namespace().orElse(null))
        .withLabels(labels("shard"))
        .endMetadata()
        .withNewSpec()
        .withCompletionMode("Indexed")
        .withCompletions(spec.shards())
        .withParallelism(spec.parallelism())
        // A pod that fails is replaced with the same index; a shard that fails every time stops
        // the Job instead of retrying forever.
        .withBackoffLimit(spec.shards() * 2)
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(labels("shard"))
        .endMetadata()
        .withSpec(pod(args, spec.jobsPerPod()))
        .endTemplate()
        .endSpec()
        .build();
  }

  /**
   * Returns the Job that merges the shards' gradebooks, refusing while one is missing, and then
   * rebuilds the class report over every shard's students. The merge runs as the pod's init
   * container, so the report is built only from a complete gradebook.
   */
  public Job merge() {
    List<String> merge =
        List.of(
            "merge-gradebooks", inVolume(spec.outputFolder() + "/gradebook.csv"),
            inVolume(spec.outputFolder()), "--expect-shards", String.valueOf(spec.shards()));
    List<String> report = new ArrayList<>(List.of("class-report", inVolume(spec.outputFolder())));
    spec.policy().ifPresent(policy -> report.addAll(List.of("--policy", inVolume(policy))));
    PodSpec pod = pod(report, 1);
    pod.setInitContainers(List.of(grader("merge", merge, 1)));
    return new JobBuilder()
        .withNewMetadata()
        .withName(spec.name() + "-merge")
        .withNamespace(spec.namespace().orElse(null))
        .withLabels(labels("merge"))
        .endMetadata()
        .withNewSpec()
        .withCompletions(1)
        .withBackoffLimit(2)
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(labels("merge"))
        .endMetadata()
        .withSpec(pod)
        .endTemplate()
        .endSpec()
        .build();
  }

  private PodSpec pod(List<String> args, int cpus) {
    PodSecurity security = PodSecurity.of(spec.isolation());
    return new PodSpecBuilder()
        .withRestartPolicy("Never")
        .withSecurityContext(security.pod())
        .withContainers(grader("grader", args, cpus))
        .addNewVolume()
        .withName("class")
        .withNewPersistentVolumeClaim()
        .withClaimName(spec.volumeClaim())
        .endPersistentVolumeClaim()
        .endVolume()
        .addNewVolume().withName("scratch").withNewEmptyDir().endEmptyDir().endVolume()
        .addNewVolume().withName("run").withNewEmptyDir().endEmptyDir().endVolume()
        .build();
  }

  private Container grader(String name, List<String> args, int cpus) {
    return new ContainerBuilder()
        .withName(name)
        .withImage(spec.image())
        .withArgs(args)
        .withNewResources()
        .withRequests(resources(cpus))
        .withLimits(resources(cpus))
        .endResources()
        .withSecurityContext(PodSecurity.of(spec.isolation()).container())
        .addNewVolumeMount().withName("class").withMountPath(MOUNT).endVolumeMount()
        .addNewVolumeMount().withName("scratch").withMountPath("/tmp").endVolumeMount()
        .addNewVolumeMount().withName("run").withMountPath("/run").endVolumeMount()
        .build();
  }

  /**
   * Returns what one pod asks for and is held to: a core per submission graded at once, and memory
   * for the grader plus a worker per submission graded at once ({@code batch} gives each
   * submission a worker of its own).
   */
  static Map<String, Quantity> resources(int jobs) {
    int mebibytes = GRADER_MEBIBYTES + jobs * WORKER_MEBIBYTES;
    return Map.of("cpu", new Quantity(String.valueOf(jobs)), "memory", new Quantity(mebibytes + "Mi"));
  }

  private Map<String, String> labels(String role) {
    return Map.of(
        "app.kubernetes.io/name", "awskit-grader",
        "app.kubernetes.io/instance", spec.name(),
        "app.kubernetes.io/component", role);
  }

  private static String inVolume(String relative) {
    return MOUNT + "/" + relative;
  }
}
