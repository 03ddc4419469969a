package dev.awskit.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.engine.SubmissionRunner;
import dev.awskit.grader.testing.Graded;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Checks that every command's {@code --help} lists the exit codes the command can end with, and no
 * other: those its own code and its mixins return, and the three any command can (done, the grader
 * failed, a wrong command line).
 */
class ExitCodeListTest {

  private static final Path CLI_SOURCES =
      Path.of("src", "main", "java", "dev", "awskit", "grader", "cli");

  /** A use of one of the codes in a source: {@code ExitCodes.USAGE}. */
  private static final Pattern CODE_USE = Pattern.compile("\\bExitCodes\\.([A-Z_]+)\\b");

  @TempDir Path work;

  @Test
  void everyCommandListsTheCodesItCanEndWithAndNoOther() {
    // given
    CommandLine top = commandLine();
    Map<String, Set<Integer>> expected = new TreeMap<>();
    Map<String, Set<Integer>> listed = new TreeMap<>();

    // when
    top.getSubcommands()
        .forEach(
            (name, command) -> {
              if (command.getCommand() instanceof CommandLine.HelpCommand) {
                return;
              }
              Set<Integer> codes =
                  new TreeSet<>(
                      Set.of(ExitCodes.OK, ExitCodes.INTERNAL_ERROR, ExitCodes.USAGE));
              codes.addAll(codesUsedBy(command.getCommand().getClass()));
              command
                  .getCommandSpec()
                  .mixins()
                  .values()
                  .forEach(mixin -> codes.addAll(codesUsedBy(mixin.userObject().getClass())));
              expected.put(name, codes);
              listed.put(name, listedBy(command));
            });

    // then
    assertThat(listed)
        .as("the exit codes each command's --help lists, against those it can end with")
        .isEqualTo(expected);
    assertThat(listed.get("batch"))
        .as("batch has no --min-score, so its help should not list the code for one")
        .doesNotContain(ExitCodes.BELOW_MIN_SCORE);
  }

  @Test
  void theProgramsOwnHelpListsEveryCode() throws IllegalAccessException {
    // given
    Set<Integer> every = new TreeSet<>();
    for (Field field : ExitCodes.class.getDeclaredFields()) {
      if (field.getType() == int.class && Modifier.isPublic(field.getModifiers())) {
        every.add(field.getInt(null));
      }
    }

    // when
    Set<Integer> listed = listedBy(commandLine());

    // then
    assertThat(listed).as("the codes awskit-grader --help lists").isEqualTo(every);
  }

  private CommandLine commandLine() {
    return new GraderCli(
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(new StringWriter(), true),
            Clock.fixed(Graded.NOW, ZoneOffset.UTC),
            work,
            SubmissionRunner.inProcess(),
            Graded::catalog)
        .commandLine();
  }

  private static Set<Integer> listedBy(CommandLine command) {
    return command.getCommandSpec().usageMessage().exitCodeList().keySet().stream()
        .map(key -> Integer.valueOf(key.trim()))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Returns the codes a class of the command line returns in its source, as numbers. */
  private static Set<Integer> codesUsedBy(Class<?> type) {
    Path source = CLI_SOURCES.resolve(type.getSimpleName() + ".java");
    Set<Integer> codes = new TreeSet<>();
    if (!Files.exists(source)) {
      return codes;
    }
    try {
      // What the command declares it ends with is what is checked, so it does not count.
      String code = Files.readString(source).replaceAll("@EndsWith\\(\\{[^}]*}\\)", "");
      Matcher use = CODE_USE.matcher(code);
      while (use.find()) {
        Field field = ExitCodes.class.getDeclaredField(use.group(1));
        if (field.getType() == int.class) {
          codes.add(field.getInt(null));
        }
      }
      return codes;
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    } catch (ReflectiveOperationException unknown) {
      throw new AssertionError(source + " names a code ExitCodes does not have", unknown);
    }
  }
}
