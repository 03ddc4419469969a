package dev.awskit.grader.cli;

import dev.awskit.grader.distribution.GradingJobSpec;
import dev.awskit.grader.distribution.GradingJobs;
import dev.awskit.grader.distribution.KubernetesManifests;
import dev.awskit.grader.engine.IsolationLevel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Writes the Kubernetes manifests that grade a class as an Indexed Job and merge its shards. */
@EndsWith({ExitCodes.ISOLATION_UNAVAILABLE})
@Command(
    name = "kubernetes",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Writes two Kubernetes Jobs for a class whose batch folder is on a volume"
          + " (a PersistentVolumeClaim): NAME-shards.yaml, an Indexed Job of N pods, each"
          + " grading its shard with 'batch --shards N' into the output folder on the same volume;"
          + " and NAME-merge.yaml, a Job that merges the shards' gradebooks into"
          + " OUTPUT/gradebook.csv, failing while a shard is missing, then writes the class report.",
      "",
      "A pod that fails is replaced with the same index and keeps the students its predecessor"
          + " finished; a shard that runs twice overwrites its own rows. Every pod requires the"
          + " isolation level --require-isolation names and gets the security settings that level"
          + " needs; docs/instructor-guide/at-scale.md says what each level asks of the cluster.",
      "",
      "Then: kubectl apply -f OUT/NAME-shards.yaml; kubectl wait --for=condition=complete"
          + " job/NAME-shards --timeout=2h; kubectl apply -f OUT/NAME-merge.yaml."
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  java -jar grader/target/awskit-grader.jar kubernetes --name week3 \\",
      "      --image registry.example.edu/awskit-grader:1.0 --claim awskit-class \\",
      "      --batch-folder week3/submissions --output-folder week3/results --shards 8"
    })
final class KubernetesCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(names = "--name", required = true, paramLabel = "NAME",
      description = "Prefix of the Jobs' names: lower-case letters, digits and dashes.")
  private String name;

  @Option(names = "--image", required = true, paramLabel = "IMAGE",
      description = "The grader's container image, as pushed to a registry the cluster pulls from"
          + " (the build writes it to grader/target/jib-image.tar).")
  private String image;

  @Option(names = "--claim", required = true, paramLabel = "PVC",
      description = "The PersistentVolumeClaim that holds the batch folder; every pod mounts it"
          + " at " + GradingJobs.MOUNT + ", so it must allow ReadWriteMany when pods share nodes"
          + " unevenly.")
  private String claim;

  @Option(names = "--batch-folder", required = true, paramLabel = "PATH",
      description = "The batch folder, relative to the volume's root.")
  private String batchFolder;

  @Option(names = "--output-folder", paramLabel = "PATH", defaultValue = "results",
      description = "Where the reports and gradebooks go, relative to the volume's root"
          + " (default: ${DEFAULT-VALUE}).")
  private String outputFolder;

  @Option(names = "--policy", paramLabel = "PATH",
      description = "A grading policy file, relative to the volume's root.")
  private String policy;

  @Option(names = "--shards", required = true, paramLabel = "N",
      description = "How many shards, one pod each to completion.")
  private int shards;

  @Option(names = "--parallelism", paramLabel = "P",
      description = "How many shards run at once (default: all of them).")
  private Integer parallelism;

  @Option(names = "--jobs", paramLabel = "J", defaultValue = "2",
      description = "Submissions one pod grades at once; the pod asks for J cores and the memory"
          + " the grader and its workers measured (default: ${DEFAULT-VALUE}).")
  private int jobs;

  @Option(names = "--require-isolation", paramLabel = "LEVEL", defaultValue = "os",
      description = "The level every pod must reach, or fail with exit code "
          + ExitCodes.ISOLATION_UNAVAILABLE + ": os, uid or jvm (default: ${DEFAULT-VALUE}).")
  private IsolationLevel isolation;

  @Option(names = "--namespace", paramLabel = "NS",
      description = "The Jobs' namespace (default: the one kubectl uses).")
  private String namespace;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT", defaultValue = "kubernetes",
      description = "The folder to write the manifests into (default: ${DEFAULT-VALUE}).")
  private Path output;

  private final Context context;

  KubernetesCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    GradingJobSpec described;
    try {
      described =
          new GradingJobSpec(name, Optional.ofNullable(namespace), image, claim, batchFolder,
              outputFolder, Optional.ofNullable(policy), shards,
              parallelism == null ? Math.max(1, shards) : parallelism, jobs, isolation);
    } catch (IllegalArgumentException refused) {
      throw new ParameterException(spec.commandLine(), refused.getMessage());
    }
    List<Path> written;
    try {
      written = KubernetesManifests.write(new GradingJobs(described), context.resolve(output));
    } catch (IOException failed) {
      context.err().println("Cannot write the manifests into " + context.resolve(output) + ": " + failed);
      context.err().flush();
      return ExitCodes.INTERNAL_ERROR;
    }
    String kubectl = namespace == null ? "kubectl" : "kubectl -n " + namespace;
    context.out().printf("Wrote %s and %s.%n%n", written.get(0), written.get(1));
    context.out().printf("Grade the class, then merge once every shard is complete:%n");
    context.out().printf("  %s apply -f %s%n", kubectl, written.get(0));
    context.out().printf(
        "  %s wait --for=condition=complete job/%s-shards --timeout=2h%n", kubectl, name);
    context.out().printf("  %s apply -f %s%n", kubectl, written.get(1));
    context.out().printf(
        "  %s wait --for=condition=complete job/%s-merge --timeout=10m%n", kubectl, name);
    context.out().flush();
    return ExitCodes.OK;
  }
}
