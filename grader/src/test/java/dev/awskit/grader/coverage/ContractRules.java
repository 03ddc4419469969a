package dev.awskit.grader.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the numbered rules out of a contract's source: every bold label such as {@code <b>7.3</b>}
 * opens a rule, which runs to the next label, list item, paragraph or Javadoc tag.
 */
final class ContractRules {

  /** A rule's label: question and rule number in bold. */
  static final Pattern LABEL = Pattern.compile("<b>(\\d+)\\.(\\d+)</b>");

  /** Where a rule's text ends. */
  private static final Pattern END =
      Pattern.compile(
          "<b>\\d+\\.\\d+</b>|</?li>|<p>|</?[uo]l>|<h\\d>|\\n\\s*\\*\\s*@\\w|\\*/|<pre>");

  /** Stands for a {@code <} inside {@code {@code ...}}, which is text, not HTML, until tags go. */
  private static final String CODE_LT = "\u0000";

  /** The longest rule text the coverage page shows before cutting it short. */
  private static final int SHOWN = 110;

  private ContractRules() {}

  /**
   * Describes one numbered rule.
   *
   * @param question the question whose contract states it
   * @param number its number within the contract
   * @param text its words, as plain text cut to a line
   */
  record Rule(int question, int number, String text) {

    /** Returns the rule's label, {@code "question.number"}. */
    String id() {
      return question + "." + number;
    }
  }

  /** Returns the rules a contract's source labels, in the order they appear. */
  static List<Rule> read(String source) {
    List<Rule> rules = new ArrayList<>();
    Matcher label = LABEL.matcher(source);
    while (label.find()) {
      Matcher end = END.matcher(source);
      int to = end.find(label.end()) ? end.start() : source.length();
      rules.add(
          new Rule(
              Integer.parseInt(label.group(1)),
              Integer.parseInt(label.group(2)),
              plain(source.substring(label.end(), to))));
    }
    return rules;
  }

  /** Turns a stretch of Javadoc into one line of plain text, cut short when long. */
  static String plain(String javadoc) {
    String text = inlineTags(javadoc.replaceAll("\\n\\s*\\*", " "));
    text = text.replaceAll("<[^>]+>", "").replace(CODE_LT, "<").replace("&lt;", "<");
    text = text.replace("&gt;", ">");
    text = text.replaceAll("\\s+", " ").trim();
    if (text.length() <= SHOWN) {
      return text;
    }
    int cut = text.lastIndexOf(' ', SHOWN);
    return text.substring(0, cut > 0 ? cut : SHOWN) + " ...";
  }

  /** Replaces {@code {@code x}}, {@code {@link A#b label}} and the like by the words they show. */
  private static String inlineTags(String text) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (at < text.length()) {
      int open = text.indexOf("{@", at);
      if (open < 0) {
        out.append(text, at, text.length());
        break;
      }
      out.append(text, at, open);
      int close = closingBrace(text, open);
      String tag = text.substring(open + 2, close);
      int space = tag.indexOf(' ');
      String kind = space < 0 ? tag : tag.substring(0, space);
      String body = space < 0 ? "" : tag.substring(space + 1).trim();
      out.append(
          kind.equals("link") || kind.equals("linkplain")
              ? linkWords(body)
              : body.replaceFirst("^#", "").replace("<", CODE_LT));
      at = Math.min(close + 1, text.length());
    }
    return out.toString();
  }

  private static String linkWords(String body) {
    int label = body.indexOf(' ', body.indexOf(')') < 0 ? 0 : body.indexOf(')'));
    if (label > 0 && label < body.length() - 1) {
      return body.substring(label + 1).trim();
    }
    String reference = body.startsWith("#") ? body.substring(1) : body;
    return reference.replace('#', '.').replaceAll("\\(.*\\)", "");
  }

  private static int closingBrace(String text, int open) {
    int depth = 0;
    for (int at = open; at < text.length(); at++) {
      char c = text.charAt(at);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return at;
      }
    }
    return text.length();
  }
}
