package dev.awskit.grader.scoring;

import dev.awskit.grader.engine.HiddenTest;

/**
 * Says how much a hidden test weighs within its question and who sees it.
 *
 * @param test the hidden test
 * @param weight its weight; a question's maximum is shared among its tests by weight
 * @param visibility when students see its result
 */
public record TestWeight(HiddenTest test, double weight, Visibility visibility) {}
