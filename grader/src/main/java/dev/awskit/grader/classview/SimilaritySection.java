package dev.awskit.grader.classview;

import java.util.Optional;
import java.util.stream.Collectors;

/** Writes the class report's section on similar code: leads for the instructor, not findings. */
final class SimilaritySection {

  /** Names how many pairs the page shows; similarity.csv has them all. */
  static final int SHOWN = 200;

  private SimilaritySection() {}

  static void write(StringBuilder page, Optional<Similarity> checked) {
    page.append("<section id=\"similarity\">\n<h2>Similar code</h2>\n");
    if (checked.isEmpty()) {
      page.append("<p>No similarity check ran for this class (it runs when a whole class is")
          .append(" graded with <code>batch</code>, unless <code>--no-similarity</code>).</p>\n")
          .append("</section>\n");
      return;
    }
    Similarity similarity = checked.get();
    page.append("<p class=\"note\">JPlag compared the code of ")
        .append(similarity.compared())
        .append(" submissions question by question")
        .append(
            similarity.baseCode().isEmpty()
                ? " without base code, so the given skeleton counts as shared code"
                : ", leaving out the code every student was given ("
                    + Html.escape(similarity.baseCode())
                    + ")")
        .append(". Listed: the pairs at least ")
        .append(Html.percent(similarity.threshold()))
        .append(" similar over all questions; the questions named are those similar on their")
        .append(" own. A pair is a lead to look into, not a finding: short exercises")
        .append(" invite similar solutions, and students may have worked together as allowed.")
        .append(" Nothing here changes a score.</p>\n");
    if (similarity.pairs().isEmpty()) {
      page.append("<p>No pair reached the threshold.</p>\n");
    } else {
      page.append("<table class=\"sortable\" id=\"similarity-table\">\n<thead><tr>")
          .append("<th>student</th><th>student</th><th class=\"num\">similarity</th>")
          .append("<th class=\"num\">maximum</th><th>questions with matching code</th>")
          .append("</tr></thead>\n<tbody>\n");
      for (SimilarPair pair :
          similarity.pairs().subList(0, Math.min(SHOWN, similarity.pairs().size()))) {
        page.append("<tr><td>")
            .append(Html.escape(pair.first()))
            .append("</td><td>")
            .append(Html.escape(pair.second()))
            .append("</td><td class=\"num\" data-sort=\"")
            .append(Html.fixed(pair.similarity()))
            .append("\">")
            .append(Html.percent(pair.similarity()))
            .append("</td><td class=\"num\" data-sort=\"")
            .append(Html.fixed(pair.maximum()))
            .append("\">")
            .append(Html.percent(pair.maximum()))
            .append("</td><td>")
            .append(
                pair.questions().stream()
                    .map(number -> "Q" + number)
                    .collect(Collectors.joining(", ")))
            .append("</td></tr>\n");
      }
      page.append("</tbody>\n</table>\n");
      if (similarity.pairs().size() > SHOWN) {
        page.append("<p>")
            .append(similarity.pairs().size() - SHOWN)
            .append(" more pairs, less similar, are in similarity.csv.</p>\n");
      }
    }
    if (!similarity.notCompared().isEmpty()) {
      page.append("<p>Not compared:</p>\n<ul>\n");
      similarity
          .notCompared()
          .forEach(line -> page.append("<li>").append(Html.escape(line)).append("</li>\n"));
      page.append("</ul>\n");
    }
    page.append("</section>\n");
  }
}
