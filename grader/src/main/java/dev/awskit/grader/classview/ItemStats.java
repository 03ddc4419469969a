package dev.awskit.grader.classview;

/**
 * Holds the item statistics of one score column (a question, a tier or the total) over the graded
 * students of a class.
 *
 * @param column the gradebook column
 * @param max what the column is worth
 * @param students how many students the figures are over
 * @param mean the mean points
 * @param median the median points
 * @param shareFull the share of students with full marks, 0 to 1
 * @param shareZero the share of students with zero, 0 to 1
 * @param difficulty the mean share of the maximum, 0 (nobody scored) to 1 (everybody full marks)
 * @param discrimination the correlation of the column with the rest of the total, -1 to 1
 * @param upperLower the upper-lower 27 % index, -1 to 1
 */
public record ItemStats(
    String column,
    double max,
    int students,
    double mean,
    double median,
    double shareFull,
    double shareZero,
    double difficulty,
    double discrimination,
    double upperLower) {}
