package dev.awskit.grader.engine;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Orders a launch's test classes by question, a question being the test classes of one package:
 * the questions in the order the request first lists one of their classes, and within a question
 * the request's order. A launch of several questions thus runs each question's classes together,
 * in the order the grader expects their ends ({@link HiddenTestLauncher} names this orderer and
 * the request's classes in the launch's configuration).
 */
public final class QuestionOrder implements ClassOrderer {

  /** Names the configuration parameter that lists the request's test classes, comma-separated. */
  public static final String ORDER_PARAMETER = "awskit.launch.testClassOrder";

  @Override
  public void orderClasses(ClassOrdererContext context) {
    List<String> order =
        context
            .getConfigurationParameter(ORDER_PARAMETER)
            .map(value -> List.of(value.split(",")))
            .orElse(List.of());
    Map<String, Integer> classRank = new HashMap<>();
    Map<String, Integer> packageRank = new HashMap<>();
    for (String name : order) {
      classRank.putIfAbsent(name, classRank.size());
      int dot = name.lastIndexOf('.');
      packageRank.putIfAbsent(dot < 0 ? "" : name.substring(0, dot), packageRank.size());
    }
    context
        .getClassDescriptors()
        .sort(
            Comparator.comparingInt(
                    (ClassDescriptor type) ->
                        packageRank.getOrDefault(
                            type.getTestClass().getPackageName(), Integer.MAX_VALUE))
                .thenComparingInt(
                    type -> classRank.getOrDefault(type.getTestClass().getName(), Integer.MAX_VALUE))
                .thenComparing(type -> type.getTestClass().getName()));
  }
}
