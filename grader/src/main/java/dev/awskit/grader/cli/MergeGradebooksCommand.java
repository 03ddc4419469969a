package dev.awskit.grader.cli;

import dev.awskit.grader.batch.BatchSummary;
import dev.awskit.grader.batch.Gradebook;
import dev.awskit.grader.batch.GradebookException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
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
      "Refuses, merging nothing, gradebooks whose columns differ (another policy or grader) and"
          + " a student who appears in more than one row."
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  java -jar grader/target/awskit-grader.jar merge-gradebooks gradebook.csv \\",
      "      shards/gradebook-shard-*-of-4.csv"
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

  private final Context context;

  MergeGradebooksCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Map<String, Gradebook> gradebooks = new LinkedHashMap<>();
    try {
      for (Path input : inputs) {
        Path file = context.resolve(input);
        if (!Files.isRegularFile(file)) {
          return refuse("There is no gradebook " + file + ".");
        }
        if (gradebooks.containsKey(file.toString())) {
          return refuse(file + " is given twice.");
        }
        gradebooks.put(file.toString(), Gradebook.read(file));
      }
      Gradebook merged = Gradebook.merge(gradebooks);
      Path target = context.resolve(out);
      Path averages = Gradebook.averagesFileOf(target);
      merged.write(target);
      merged.writeAverages(averages);
      missingShards(gradebooks.keySet())
          .ifPresent(warning -> context.err().println("Warning: " + warning));
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

  private int refuse(String message) {
    context.err().println("Cannot merge: " + message);
    context.err().println("Nothing was written.");
    context.err().flush();
    return ExitCodes.USAGE;
  }

  /**
   * Names the shards missing when every input is named {@code gradebook-shard-I-of-N.csv} with one
   * N: a CI job that failed would otherwise leave its students out without a word.
   */
  private static Optional<String> missingShards(Set<String> files) {
    Set<Integer> counts = new TreeSet<>();
    Set<Integer> present = new TreeSet<>();
    for (String file : files) {
      Matcher matcher = SHARD_NAME.matcher(Path.of(file).getFileName().toString());
      if (!matcher.matches()) {
        return Optional.empty();
      }
      present.add(Integer.parseInt(matcher.group(1)));
      counts.add(Integer.parseInt(matcher.group(2)));
    }
    if (counts.size() != 1) {
      return Optional.empty();
    }
    int count = counts.iterator().next();
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
