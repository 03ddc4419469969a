package dev.awskit.grader.cli;

import dev.awskit.grader.batch.Shard;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Holds the options that pick one slice of a class: {@code --shard I/N} for a CI matrix, {@code
 * --shards N} for a Kubernetes Indexed Job, whose pods learn their index from the environment.
 */
final class ShardOptions {

  /** Names the variable Kubernetes sets in every pod of an Indexed Job: its index, from 0. */
  static final String JOB_INDEX_VARIABLE = "JOB_COMPLETION_INDEX";

  @Option(
      names = "--shard",
      paramLabel = "I/N",
      description =
          "Grade only slice I of N: students sorted by id, every N-th from the I-th. The"
              + " gradebook is then gradebook-shard-I-of-N.csv; merge the slices with"
              + " merge-gradebooks.")
  private String shard;

  @Option(
      names = "--shards",
      paramLabel = "N",
      description =
          "Grade the slice of N that this pod of a Kubernetes Indexed Job owns: slice"
              + " JOB_COMPLETION_INDEX + 1 of N (Kubernetes counts pods from 0, --shard from 1)."
              + " The gradebook is named as with --shard.")
  private Integer shards;

  @Option(
      names = "--job-index",
      paramLabel = "I",
      defaultValue = "${env:" + JOB_INDEX_VARIABLE + "}",
      description =
          "With --shards: this pod's index, from 0 (default: the JOB_COMPLETION_INDEX variable,"
              + " which Kubernetes sets).")
  private String jobIndex;

  /** Returns the slice the options name, the whole class when they name none. */
  Shard shard(CommandLine command) {
    if (shard != null && shards != null) {
      throw new ParameterException(command, "Give --shard or --shards, not both.");
    }
    if (shards != null) {
      return fromJobIndex(command);
    }
    if (shard == null) {
      return Shard.ALL;
    }
    return Shard.parse(shard)
        .orElseThrow(
            () ->
                new ParameterException(
                    command,
                    "--shard takes I/N with 1 <= I <= N, such as 2/4; '" + shard + "' is not."));
  }

  private Shard fromJobIndex(CommandLine command) {
    if (shards < 1) {
      throw new ParameterException(command, "--shards must be 1 or more; it is " + shards + ".");
    }
    if (jobIndex == null || jobIndex.isBlank()) {
      throw new ParameterException(
          command,
          "--shards needs this pod's index: Kubernetes sets "
              + JOB_INDEX_VARIABLE
              + " in an Indexed Job (completionMode: Indexed); elsewhere give --job-index.");
    }
    int index;
    try {
      index = Integer.parseInt(jobIndex.strip());
    } catch (NumberFormatException notANumber) {
      throw new ParameterException(
          command, "The job index must be a whole number from 0; '" + jobIndex + "' is not.");
    }
    if (index < 0 || index >= shards) {
      throw new ParameterException(
          command,
          "The job index "
              + index
              + " is outside 0.."
              + (shards - 1)
              + ": the Indexed Job's completions must equal --shards.");
    }
    return new Shard(index + 1, shards);
  }
}
