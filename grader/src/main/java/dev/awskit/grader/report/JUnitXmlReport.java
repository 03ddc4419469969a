package dev.awskit.grader.report;

import dev.awskit.grader.engine.TestOutcome;
import dev.awskit.grader.scoring.QuestionScore;
import dev.awskit.grader.scoring.Scorecard;
import dev.awskit.grader.scoring.TestScore;
import java.io.Writer;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the grade as JUnit XML, the test-result format CI tools read: one test suite per
 * question, one test case per hidden test. A failed check is a {@code failure}; an exception from
 * the submission or a time-out is an {@code error}; a test that could not run is a {@code
 * failure} too, since it costs points.
 */
public final class JUnitXmlReport {

  private JUnitXmlReport() {}

  /** Writes the report of {@code scorecard} to {@code out}. */
  public static void write(Scorecard scorecard, Writer out) throws XMLStreamException {
    XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
    xml.writeStartDocument("UTF-8", "1.0");
    xml.writeCharacters("\n");
    xml.writeStartElement("testsuites");
    xml.writeAttribute("name", "awskit-grader: " + scorecard.submission());
    xml.writeAttribute("tests", String.valueOf(count(scorecard, null)));
    xml.writeAttribute("failures", String.valueOf(count(scorecard, Kind.FAILURE)));
    xml.writeAttribute("errors", String.valueOf(count(scorecard, Kind.ERROR)));
    xml.writeAttribute("time", seconds(scorecard.duration().toMillis()));
    xml.writeAttribute("timestamp", scorecard.gradedAt().toString());
    xml.writeCharacters("\n");
    for (QuestionScore question : scorecard.questions()) {
      writeSuite(question, scorecard, xml);
    }
    xml.writeEndElement();
    xml.writeCharacters("\n");
    xml.writeEndDocument();
    xml.flush();
  }

  private static void writeSuite(QuestionScore question, Scorecard scorecard, XMLStreamWriter xml)
      throws XMLStreamException {
    long failures = question.tests().stream().filter(test -> kindOf(test.outcome()) == Kind.FAILURE).count();
    long errors = question.tests().stream().filter(test -> kindOf(test.outcome()) == Kind.ERROR).count();
    long millis = question.tests().stream().mapToLong(TestScore::durationMillis).sum();
    xml.writeCharacters("  ");
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", String.format("Q%02d %s", question.number(), question.title()));
    xml.writeAttribute("tests", String.valueOf(question.tests().size()));
    xml.writeAttribute("failures", String.valueOf(failures));
    xml.writeAttribute("errors", String.valueOf(errors));
    xml.writeAttribute("skipped", "0");
    xml.writeAttribute("time", seconds(millis));
    xml.writeAttribute("timestamp", scorecard.gradedAt().toString());
    xml.writeCharacters("\n    ");
    xml.writeStartElement("properties");
    property(xml, "tier", question.tier());
    property(xml, "score", Text.points(question.score()));
    property(xml, "maxScore", Text.points(question.maxScore()));
    property(xml, "status", question.status().key());
    xml.writeCharacters("\n    ");
    xml.writeEndElement();
    for (TestScore test : question.tests()) {
      xml.writeCharacters("\n    ");
      xml.writeStartElement("testcase");
      xml.writeAttribute("name", xmlSafe(test.name()));
      xml.writeAttribute("classname", test.className());
      xml.writeAttribute("time", seconds(test.durationMillis()));
      Kind kind = kindOf(test.outcome());
      if (kind != null) {
        xml.writeCharacters("\n      ");
        xml.writeStartElement(kind == Kind.FAILURE ? "failure" : "error");
        xml.writeAttribute("message", xmlSafe(test.outcome().feedback()));
        xml.writeAttribute("type", Text.status(test.outcome()));
        String detail = test.outcome().detail();
        xml.writeCharacters(xmlSafe(detail.isEmpty() ? test.outcome().feedback() : detail));
        xml.writeEndElement();
        xml.writeCharacters("\n    ");
      }
      xml.writeEndElement();
    }
    xml.writeCharacters("\n  ");
    xml.writeEndElement();
    xml.writeCharacters("\n");
  }

  private static void property(XMLStreamWriter xml, String name, String value)
      throws XMLStreamException {
    xml.writeCharacters("\n      ");
    xml.writeEmptyElement("property");
    xml.writeAttribute("name", name);
    xml.writeAttribute("value", value);
  }

  private enum Kind {
    FAILURE,
    ERROR
  }

  private static Kind kindOf(TestOutcome outcome) {
    if (outcome.passed()) {
      return null;
    }
    return outcome instanceof TestOutcome.Threw
            || outcome instanceof TestOutcome.NotImplemented
            || outcome instanceof TestOutcome.TimedOut
        ? Kind.ERROR
        : Kind.FAILURE;
  }

  private static long count(Scorecard scorecard, Kind kind) {
    return scorecard.questions().stream()
        .flatMap(question -> question.tests().stream())
        .filter(test -> kind == null || kindOf(test.outcome()) == kind)
        .count();
  }

  /** Drops the characters XML 1.0 cannot hold, which a submission's messages may contain. */
  static String xmlSafe(String text) {
    StringBuilder safe = new StringBuilder(text.length());
    text.codePoints()
        .filter(
            point ->
                point == 0x9 || point == 0xA || point == 0xD
                    || (point >= 0x20 && point <= 0xD7FF)
                    || (point >= 0xE000 && point <= 0xFFFD)
                    || (point >= 0x10000 && point <= 0x10FFFF))
        .forEach(safe::appendCodePoint);
    return safe.toString();
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }
}
