package dev.awskit.grader.coverage;

import dev.awskit.grader.coverage.ContractRules.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches the numbered rules of the contracts with the hidden tests that name them, says what is
 * missing, and renders the rule-to-tests page.
 */
final class ContractCoverage {

  /**
   * Describes one question's contract: its title and its rules in order.
   *
   * @param number the question's number
   * @param title the question's title
   * @param rules the rules its contract labels
   */
  record Contract(int number, String title, List<Rule> rules) {}

  /**
   * Describes one hidden test and the rules it names.
   *
   * @param question the question the test belongs to
   * @param name the test's class simple name and method, {@code Class#method}
   * @param rules the rules its {@code @Checks} names, empty without one
   */
  record TracedTest(int question, String name, List<String> rules) {}

  private final List<Contract> contracts;
  private final List<TracedTest> tests;

  ContractCoverage(List<Contract> contracts, List<TracedTest> tests) {
    this.contracts = List.copyOf(contracts);
    this.tests = List.copyOf(tests);
  }

  /** Returns every gap, one sentence each; empty when every rule is traced both ways. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    Map<Integer, Set<String>> known = new LinkedHashMap<>();
    for (Contract contract : contracts) {
      Set<String> ids = new LinkedHashSet<>();
      int expected = 1;
      for (Rule rule : contract.rules()) {
        if (rule.question() != contract.number()) {
          problems.add(
              "Question " + contract.number() + "'s contract labels a rule " + rule.id()
                  + ", which carries another question's number.");
        } else if (rule.number() != expected) {
          problems.add(
              "Question " + contract.number() + "'s contract numbers rule " + rule.id()
                  + " where rule " + contract.number() + "." + expected
                  + " comes next: rules count 1, 2, 3, ... in the order they appear.");
        }
        ids.add(rule.id());
        expected = rule.number() + 1;
      }
      if (contract.rules().isEmpty()) {
        problems.add("Question " + contract.number() + "'s contract numbers no rule at all.");
      }
      known.put(contract.number(), ids);
    }
    for (TracedTest test : tests) {
      if (test.rules().isEmpty()) {
        problems.add(
            "The hidden test " + test.name() + " names no rule; give it @Checks with the"
                + " contract rules it checks.");
      }
      for (String rule : test.rules()) {
        if (!known.getOrDefault(test.question(), Set.of()).contains(rule)) {
          problems.add(
              "The hidden test " + test.name() + " names rule " + rule + ", which question "
                  + test.question() + "'s contract does not have.");
        }
      }
    }
    for (Contract contract : contracts) {
      for (Rule rule : contract.rules()) {
        if (testsOf(rule).isEmpty()) {
          problems.add(
              "Rule " + rule.id() + " (" + rule.text() + ") is checked by no hidden test.");
        }
      }
    }
    return problems;
  }

  /** Renders the page body: one table per question, each rule with the tests that check it. */
  String render() {
    StringBuilder page = new StringBuilder();
    for (Contract contract : contracts) {
      page.append("\n## Question ").append(contract.number()).append(": ")
          .append(contract.title()).append("\n\n")
          .append("| rule | says | checked by |\n|---|---|---|\n");
      for (Rule rule : contract.rules()) {
        page.append("| ").append(rule.id()).append(" | ").append(cell(rule.text())).append(" | ")
            .append(String.join("<br>", testsOf(rule).stream().map(name -> "`" + name + "`")
                .toList()))
            .append(" |\n");
      }
    }
    return page.toString();
  }

  private List<String> testsOf(Rule rule) {
    return tests.stream()
        .filter(test -> test.question() == rule.question() && test.rules().contains(rule.id()))
        .map(test -> test.name().substring(test.name().indexOf('#') + 1))
        .sorted()
        .toList();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("<", "&lt;");
  }
}
