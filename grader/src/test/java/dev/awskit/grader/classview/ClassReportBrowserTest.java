package dev.awskit.grader.classview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awskit.grader.testing.HeadlessChromium;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opens the class report in a real browser: it renders, its script runs, its console is quiet. */
class ClassReportBrowserTest {

  @TempDir Path folder;

  @Test
  void rendersInHeadlessChromiumWithNoConsoleMessage() throws Exception {
    // given the small class's page on disk
    HeadlessChromium chromium = HeadlessChromium.require(folder);
    Path page =
        page(
            ClassReportPage.render(
                ClassReport.of(SmallClass.SCHEME, SmallClass.students()), "small", Instant.EPOCH));

    // when
    HeadlessChromium.Load load = chromium.dumpDom(page);
    Path screenshot = chromium.screenshot(page, 1200, 3000);

    // then the script ran to its end, the charts are in the DOM, nothing was logged
    assertThat(load.console()).isEmpty();
    assertThat(load.dom()).contains("data-ready=\"true\"");
    assertThat(load.dom().split("<svg", -1)).hasSize(4);
    assertThat(load.dom()).contains("Distribution of totals</title>");
    BufferedImage image = ImageIO.read(screenshot.toFile());
    assertThat(image.getWidth()).isEqualTo(1200);
    assertThat(colouredPixels(image)).as("pixels of the charts' bars").isGreaterThan(1000);
  }

  @Test
  void seesAScriptErrorOnAPage() throws Exception {
    // given a page whose script fails, to show that the check above can fail
    HeadlessChromium chromium = HeadlessChromium.require(folder);
    Path page =
        page(
            "<!DOCTYPE html><html><body><script>throw new"
                + " Error('planted');</script></body></html>");

    // when
    HeadlessChromium.Load load = chromium.dumpDom(page);

    // then
    assertThat(load.console())
        .anySatisfy(line -> assertThat(line).contains("Uncaught Error: planted"));
    assertThat(load.dom()).doesNotContain("data-ready");
  }

  private Path page(String html) throws IOException {
    Path page = folder.resolve("class-report.html");
    Files.writeString(page, html, StandardCharsets.UTF_8);
    return page;
  }

  /** Counts the pixels that are neither grey nor white: the charts' coloured series. */
  private static long colouredPixels(BufferedImage image) {
    long count = 0;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 40) {
          count++;
        }
      }
    }
    return count;
  }
}
