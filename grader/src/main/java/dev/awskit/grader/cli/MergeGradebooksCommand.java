package dev.awskit.grader.cli;

import dev.awskit.grader.batch.BatchSummary;
import dev.awskit.grader.batch.Gradebook;
import dev.awskit.grader.batch.GradebookException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Merges the gradebooks of a class's shards into one gradebook and recomputes the averages. */
@Command(
    name = "merge-gradebooks",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Merges gradebooks written by 'batch --shard' into OUT (rows sorted by student id) and"
          + " writes the averages over the graded students beside it, as OUT-averages.csv.",
      "",
      "An IN that is a folder stands for every gradebook-shard-I-of-N.csv in it, which is how"
          + " a merge Job that has no shell to expand a wildcard names the shards' output.",
      "",
      "Refuses, merging nothing, gradebooks whose columns differ (another policy or grader) and"
          + " a student who appears in more than one row. With --expect-shards N it also refuses"
          + " when a shard of N is missing; without it, a missing shard is only a warning."
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  java -jar grader/target/awskit-grader.jar merge-gradebooks gradebook.csv \\",
      "      shards/gradebook-shard-*-of-4.csv",
      "  java -jar grader/target/awskit-grader.jar merge-gradebooks gradebook.csv \\",
      "      shards/ --expect-shards 4"
    })
final class MergeGradebooksCommand implements Callable<Integer> {

  private static final Pattern SHARD_NAME =
      Pattern.compile("gradebook-shard-(\\d+)-of-(\\d+)\\.csv");

  @Parameters(index = "0", paramLabel = "OUT", description = "The merged gradebook to write.")
  private Path out;

  @Parameters(
      index = "1..*",
      arity = "1..*",
      paramLabel = "IN",
      description = "The gradebooks to merge.")
  private List<Path> inputs;

  @Option(
      names = "--expect-shards",
      paramLabel = "N",
      description =
          "Refuse unless the inputs are exactly the gradebooks of shards 1 to N of N, so that a"
              + " shard that failed never yields a gradebook without its students.")
  private Integer expectedShards;

  private final Context context;

  MergeGradebooksCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (expectedShards != null && expectedShards < 1) {
      return refuse("--expect-shards must be 1 or more; it is " + expectedShards + ".");
    }
    Map<String, Gradebook> gradebooks = new LinkedHashMap<>();
    try {
      for (Path file : gradebookFiles()) {
        if (!Files.isRegularFile(file)) {
          return refuse("There is no gradebook " + file + ".");
        }
        if (gradebooks.containsKey(file.toString())) {
          return refuse(file + " is given twice.");
        }
        gradebooks.put(file.toString(), Gradebook.read(file));
      }
      Optional<String> missing = missingShards(gradebooks.keySet(), expectedShards);
      if (expectedShards != null && missing.isPresent()) {
        return refuse(missing.get().substring(0, 1).toUpperCase(Locale.ROOT) + missing.get().substring(1));
      }
      Gradebook merged = Gradebook.merge(gradebooks);
      Path target = context.resolve(out);
      Path averages = Gradebook.averagesFileOf(target);
      merged.write(target);
      merged.writeAverages(averages);
      missing.ifPresent(warning -> context.err().println("Warning: " + warning));
      context
          .out()
          .printf(
              "Merged %d gradebook%s, %d student%s, into %s%n",
              gradebooks.size(),
              gradebooks.size() == 1 ? "" : "s",
              merged.rows().size(),
              merged.rows().size() == 1 ? "" : "s",
              target);
      BatchSummary.writeAverages(context.out(), merged.averages(), List.of());
      context.out().printf("%nAverages: %s%n", averages);
      context.out().flush();
      context.err().flush();
      return ExitCodes.OK;
    } catch (GradebookException refused) {
      return refuse(refused.getMessage());
    } catch (IOException unreadable) {
      context.err().println("Cannot merge: " + unreadable);
      context.err().flush();
      return ExitCodes.INTERNAL_ERROR;
    }
  }

  /** Returns the files the inputs name, each folder replaced by the shards' gradebooks in it. */
  private List<Path> gradebookFiles() throws IOException, GradebookException {
    List<Path> files = new ArrayList<>();
    for (Path input : inputs) {
      Path given = context.resolve(input);
      if (!Files.isDirectory(given)) {
        files.add(given);
        continue;
      }
      try (Stream<Path> listing = Files.list(given)) {
        List<Path> shards =
            listing
                .filter(file -> SHARD_NAME.matcher(file.getFileName().toString()).matches())
                .sorted()
                .toList();
        if (shards.isEmpty()) {
          throw new GradebookException(
              "The folder " + given + " holds no gradebook-shard-I-of-N.csv.");
        }
        files.addAll(shards);
      }
    }
    return files;
  }

  private int refuse(String message) {
    context.err().println("Cannot merge: " + message);
    context.err().println("Nothing was written.");
    context.err().flush();
    return ExitCodes.USAGE;
  }

  /**
   * Names the shards missing: of {@code expected} when it is given, otherwise when every input is
   * named {@code gradebook-shard-I-of-N.csv} with one N. A CI job or a pod that failed would
   * otherwise leave its students out without a word.
   */
  private static Optional<String> missingShards(Set<String> files, Integer expected) {
    Set<Integer> counts = new TreeSet<>();
    Set<Integer> present = new TreeSet<>();
    for (String file : files) {
      Matcher matcher = SHARD_NAME.matcher(Path.of(file).getFileName().toString());
      if (matcher.matches()) {
        present.add(Integer.parseInt(matcher.group(1)));
        counts.add(Integer.parseInt(matcher.group(2)));
      } else if (expected == null) {
        return Optional.empty();
      } else {
        counts.add(0);
      }
    }
    if (expected != null) {
      if (!counts.equals(Set.of(expected))) {
        return Optional.of(
            "--expect-shards " + expected + " takes only files named gradebook-shard-I-of-"
                + expected + ".csv.");
      }
    } else if (counts.size() != 1) {
      return Optional.empty();
    }
    int count = expected != null ? expected : counts.iterator().next();
    String missing =
        IntStream.rangeClosed(1, count)
            .filter(index -> !present.contains(index))
            .mapToObj(index -> index + "/" + count)
            .collect(Collectors.joining(", "));
    return missing.isEmpty()
        ? Optional.empty()
        : Optional.of(
            "no gradebook of shard "
                + missing
                + " was given; its students are not in the"
                + " merged gradebook.");
  }
}
