package dev.awskit.grader.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code late} section of a grading policy: the due date, the grace period, the penalty
 * per day or hour, its cap and the students' extensions. Every problem is a {@link
 * PolicyException} naming the line and what was expected.
 *
 * <pre>
 * late:
 *   due: 2026-03-02T23:59:00+01:00
 *   grace: 15m
 *   penalty: 10% per day      # or: 2 points per hour
 *   cap: 50%                  # or: 20 points; leave out for no cap
 *   extensions:
 *     alice: 2026-03-05T23:59:00+01:00
 * </pre>
 */
public final class LatePolicyFile {

  private static final List<String> KEYS = List.of("due", "grace", "penalty", "cap", "extensions");
  private static final String NUMBER = "(-?\\d+(?:\\.\\d+)?)";
  private static final Pattern AMOUNT =
      Pattern.compile("^" + NUMBER + "\\s*(%|points?|pts?)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern PENALTY =
      Pattern.compile(
          "^" + NUMBER + "\\s*(%|points?|pts?)\\s+(?:per|a|an|/)\\s*(day|hour)$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern GRACE =
      Pattern.compile("^(\\d+)\\s*(s|m|min|h|d)?$", Pattern.CASE_INSENSITIVE);

  private final String name;
  private final Map<String, Integer> lines;

  private LatePolicyFile(String name, Map<String, Integer> lines) {
    this.name = name;
    this.lines = lines;
  }

  /** Reads the late policy of a policy file; empty when it has no {@code late} section. */
  public static Optional<LatePolicy> load(Path file, String name) throws PolicyException {
    try {
      return parse(name, Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException unreadable) {
      throw new PolicyException(name, 0, "cannot read the policy file (" + unreadable + ")");
    }
  }

  /** Reads the late policy of a policy's text; empty when it has no {@code late} section. */
  public static Optional<LatePolicy> parse(String name, String text) throws PolicyException {
    YAMLFactory factory =
        YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    Map<String, Integer> lines = PolicyYaml.lineNumbers(name, text, factory);
    if (text.isBlank()) {
      return Optional.empty();
    }
    JsonNode late;
    try {
      late = new ObjectMapper(factory).readTree(text).path("late");
    } catch (JsonProcessingException broken) {
      throw new PolicyException(name, 0, "this is not valid YAML: " + broken.getOriginalMessage());
    }
    if (late.isMissingNode() || late.isNull()) {
      return Optional.empty();
    }
    return Optional.of(new LatePolicyFile(name, lines).read(late));
  }

  private LatePolicy read(JsonNode late) throws PolicyException {
    if (!late.isObject()) {
      throw error("/late", "late should be a mapping with the keys " + KEYS);
    }
    for (Iterator<String> keys = late.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!KEYS.contains(key)) {
        throw error("/late/" + key, "unknown key '" + key + "' under late; the keys are " + KEYS);
      }
    }
    if (!late.hasNonNull("due")) {
      throw error("/late", "late needs 'due': the due date, like 2026-03-02T23:59:00+01:00");
    }
    OffsetDateTime due = date(late.get("due"), "/late/due", "due");
    Duration grace = late.hasNonNull("grace") ? grace(text(late.get("grace"))) : Duration.ZERO;
    if (!late.hasNonNull("penalty")) {
      throw error("/late", "late needs 'penalty', like '10% per day' or '2 points per hour'");
    }
    String penaltyText = text(late.get("penalty"));
    Matcher penalty = PENALTY.matcher(penaltyText);
    if (!penalty.matches()) {
      throw error(
          "/late/penalty",
          "penalty '" + penaltyText + "' is not like '10% per day' or '2 points per hour'");
    }
    LatePolicy.Amount perUnit = amount(penalty.group(1), penalty.group(2), "/late/penalty");
    LatePolicy.Unit unit = LatePolicy.Unit.valueOf(penalty.group(3).toUpperCase(Locale.ROOT));
    Optional<LatePolicy.Amount> cap = Optional.empty();
    if (late.hasNonNull("cap")) {
      String capText = text(late.get("cap"));
      Matcher amount = AMOUNT.matcher(capText);
      if (!amount.matches()) {
        throw error("/late/cap", "cap '" + capText + "' is not like '50%' or '20 points'");
      }
      cap = Optional.of(amount(amount.group(1), amount.group(2), "/late/cap"));
    }
    return new LatePolicy(due, grace, perUnit, unit, cap, extensions(late.path("extensions")));
  }

  private Map<String, OffsetDateTime> extensions(JsonNode entries) throws PolicyException {
    Map<String, OffsetDateTime> extensions = new LinkedHashMap<>();
    if (entries.isMissingNode() || entries.isNull()) {
      return extensions;
    }
    if (!entries.isObject()) {
      throw error(
          "/late/extensions",
          "extensions should map submission names to due dates, like alice: 2026-03-05T23:59Z");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = entries.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String pointer = "/late/extensions/" + entry.getKey();
      extensions.put(
          entry.getKey(), date(entry.getValue(), pointer, "the extension of " + entry.getKey()));
    }
    return extensions;
  }

  private OffsetDateTime date(JsonNode node, String pointer, String what) throws PolicyException {
    String text = text(node);
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException notOffset) {
      String problem;
      try {
        LocalDateTime.parse(text);
        problem = " has no offset from UTC; add one, like +01:00 or Z";
      } catch (DateTimeParseException notDate) {
        problem = " is not a date and time";
      }
      throw error(
          pointer,
          what + " '" + text + "'" + problem
              + " (expected ISO-8601 with an offset, like 2026-03-02T23:59:00+01:00)");
    }
  }

  private Duration grace(String text) throws PolicyException {
    Matcher matcher = GRACE.matcher(text);
    if (!matcher.matches()) {
      throw error(
          "/late/grace",
          "grace '" + text + "' is not a duration like 15m, 2h or 1d (not negative)");
    }
    long amount = Long.parseLong(matcher.group(1));
    String unit = matcher.group(2) == null ? "m" : matcher.group(2).toLowerCase(Locale.ROOT);
    return switch (unit) {
      case "s" -> Duration.ofSeconds(amount);
      case "h" -> Duration.ofHours(amount);
      case "d" -> Duration.ofDays(amount);
      default -> Duration.ofMinutes(amount);
    };
  }

  private LatePolicy.Amount amount(String number, String unit, String pointer)
      throws PolicyException {
    double value = Double.parseDouble(number);
    String key = pointer.substring(pointer.lastIndexOf('/') + 1);
    if (value < 0) {
      throw error(pointer, key + " cannot be negative, but it is " + number);
    }
    boolean percent = unit.equals("%");
    if (percent && value > 100) {
      throw error(pointer, key + " is a percent of the total, at most 100%, not " + number + "%");
    }
    return new LatePolicy.Amount(value, percent);
  }

  private static String text(JsonNode node) {
    return node.asText().trim();
  }

  private PolicyException error(String pointer, String problem) {
    for (String path = pointer; !path.isEmpty(); path = path.substring(0, path.lastIndexOf('/'))) {
      Integer line = lines.get(path);
      if (line != null) {
        return new PolicyException(name, line, problem);
      }
    }
    return new PolicyException(name, 0, problem);
  }
}
