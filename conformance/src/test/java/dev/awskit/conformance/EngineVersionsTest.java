package dev.awskit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Keeps the engine versions in docs/engine-conformance.md those the suite runs. */
class EngineVersionsTest {

  @Test
  void documentNamesTheEnginesTheSuiteRuns() throws Exception {
    // given
    Properties engines = new Properties();
    try (InputStream in = EngineVersionsTest.class.getResourceAsStream("/engines.properties")) {
      engines.load(in);
    }
    String dynalite = Dynalite.version();

    // when
    String table =
        "| engine | version | stands for | started |\n"
            + "|---|---|---|---|\n"
            + "| ElasticMQ (`org.elasticmq:elasticmq-rest-sqs_2.13`) | "
            + engines.getProperty("elasticmq") + " | SQS | in the test JVM |\n"
            + "| S3Proxy (`org.gaul:s3proxy`), transient store | "
            + engines.getProperty("s3proxy") + " | S3 | in the test JVM |\n"
            + "| dynalite (npm `dynalite`) | " + dynalite
            + " | DynamoDB | `node serve.js`, a child process |\n";

    // then
    assertThat(engines.getProperty("elasticmq")).doesNotContain("${");
    ConformanceReport.checkOrWrite("versions", table);
  }
}
