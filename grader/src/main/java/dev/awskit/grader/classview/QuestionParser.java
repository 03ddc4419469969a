package dev.awskit.grader.classview;

import de.jplag.ParsingException;
import de.jplag.Token;
import de.jplag.java.JavacAdapter;
import de.jplag.java.Parser;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parses submissions' Java sources with JPlag's Java front end into one token stream per
 * question, so that each question's files can be compared apart.
 *
 * <p>Several submissions go through one run of the parser: setting up javac costs about as much as
 * parsing a whole submission. Each call has a parser of its own, so calls may run at once.
 */
final class QuestionParser {

  private QuestionParser() {}

  /** Names the group of files outside any question's folder; it is compared, never listed. */
  static final int NO_QUESTION = 0;

  /**
   * Names a submission's sources.
   *
   * @param root the folder the sources' paths are read from, for their questions
   * @param files the Java files, under {@code root}
   */
  record Sources(Path root, List<Path> files) {

    /** Copies the list. */
    Sources {
      files = List.copyOf(files);
    }
  }

  // A question's files live in a folder (package) q01 .. q99.
  private static final Pattern QUESTION = Pattern.compile("(?:^|[/\\\\])q(\\d{2})(?:[/\\\\])");

  // How JPlag 4.3 names a file it could not parse, one line per file.
  private static final Pattern FAILED = Pattern.compile("failed to parse '([^'\\n]+)'");

  /** Returns the question of a file, from the folder {@code qNN} on its path; 0 for none. */
  static int questionOf(Path relative) {
    Matcher matcher = QUESTION.matcher(relative.toString());
    return matcher.find() ? Integer.parseInt(matcher.group(1)) : NO_QUESTION;
  }

  /**
   * Parses the submissions, by question.
   *
   * @return for each submission in order, each question's code by question number ({@link
   *     #NO_QUESTION} for the rest)
   */
  static List<SortedMap<Integer, QuestionCode>> parse(List<Sources> submissions) {
    Set<File> files = new LinkedHashSet<>();
    submissions.forEach(sources -> sources.files().forEach(file -> files.add(key(file))));
    Set<File> failures = Set.of();
    Map<File, List<Token>> tokensOf;
    try {
      tokensOf = tokensByFile(files);
    } catch (Unparsed unparsed) {
      failures = failedFiles(unparsed.failure().getMessage(), files);
      if (failures.isEmpty()) {
        // JPlag did not say which file failed: each submission on its own, then each question.
        return submissions.stream().map(QuestionParser::parseAlone).toList();
      }
      tokensOf = unparsed.tokensOf();
    }
    List<SortedMap<Integer, QuestionCode>> parsed = new ArrayList<>();
    for (Sources sources : submissions) {
      SortedMap<Integer, QuestionCode> questions = new TreeMap<>();
      for (Map.Entry<Integer, List<Path>> question : byQuestion(sources).entrySet()) {
        List<Path> failed = new ArrayList<>();
        for (Path file : question.getValue()) {
          if (failures.contains(key(file))) {
            failed.add(sources.root().relativize(file));
          }
        }
        questions.put(
            question.getKey(),
            failed.isEmpty()
                ? parsed(question.getValue(), tokensOf)
                : new QuestionCode.Unparsable(failed));
      }
      parsed.add(questions);
    }
    return parsed;
  }

  private static SortedMap<Integer, QuestionCode> parseAlone(Sources sources) {
    SortedMap<Integer, QuestionCode> parsed = new TreeMap<>();
    for (Map.Entry<Integer, List<Path>> question : byQuestion(sources).entrySet()) {
      List<Path> files = question.getValue();
      try {
        Set<File> keys = files.stream().map(QuestionParser::key).collect(Collectors.toSet());
        parsed.put(question.getKey(), parsed(files, tokensByFile(keys)));
      } catch (Unparsed unparsed) {
        parsed.put(
            question.getKey(),
            new QuestionCode.Unparsable(files.stream().map(sources.root()::relativize).toList()));
      }
    }
    return parsed;
  }

  private static SortedMap<Integer, List<Path>> byQuestion(Sources sources) {
    SortedMap<Integer, List<Path>> byQuestion = new TreeMap<>();
    for (Path source : sources.files().stream().sorted().toList()) {
      int question = questionOf(sources.root().relativize(source));
      byQuestion.computeIfAbsent(question, number -> new ArrayList<>()).add(source);
    }
    return byQuestion;
  }

  /** Holds what the parser made before it failed, with its complaint. */
  private static final class Unparsed extends Exception {
    private final transient Map<File, List<Token>> tokensOf;

    Unparsed(ParsingException failure, Map<File, List<Token>> tokensOf) {
      super(failure);
      this.tokensOf = tokensOf;
    }

    ParsingException failure() {
      return (ParsingException) getCause();
    }

    Map<File, List<Token>> tokensOf() {
      return tokensOf;
    }
  }

  /** Keeps every token javac's scan hands over, also from a run that fails at its end. */
  private static final class Collecting extends Parser {
    private final List<Token> tokens = new ArrayList<>();

    @Override
    public void add(Token token) {
      tokens.add(token);
    }
  }

  private static Map<File, List<Token>> tokensByFile(Set<File> files) throws Unparsed {
    Collecting parser = new Collecting();
    ParsingException failure = null;
    try {
      new JavacAdapter().parseFiles(files, parser);
    } catch (ParsingException failed) {
      failure = failed;
    }
    Map<File, List<Token>> tokensOf = new HashMap<>();
    for (Token token : parser.tokens) {
      tokensOf.computeIfAbsent(key(token.getFile()), file -> new ArrayList<>()).add(token);
    }
    if (failure != null) {
      throw new Unparsed(failure, tokensOf);
    }
    return tokensOf;
  }

  /** Returns the files JPlag's complaint names. */
  private static Set<File> failedFiles(String message, Set<File> files) {
    Set<File> failures = new HashSet<>();
    Matcher matcher = FAILED.matcher(message == null ? "" : message);
    while (matcher.find()) {
      File file = key(new File(matcher.group(1)));
      if (files.contains(file)) {
        failures.add(file);
      }
    }
    return failures;
  }

  private static QuestionCode parsed(List<Path> sources, Map<File, List<Token>> tokensOf) {
    List<File> files = new ArrayList<>();
    List<Token> tokens = new ArrayList<>();
    for (Path source : sources) {
      File file = key(source);
      List<Token> ofFile = tokensOf.getOrDefault(file, List.of());
      if (!ofFile.isEmpty()) {
        files.add(file);
        tokens.addAll(ofFile);
      }
    }
    return new QuestionCode.Parsed(files, tokens);
  }

  private static File key(Path path) {
    return key(path.toFile());
  }

  private static File key(File file) {
    return file.getAbsoluteFile().toPath().normalize().toFile();
  }
}
