package dev.awskit.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.opentest4j.TestAbortedException;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * Runs dynalite (an open-source DynamoDB engine on Node.js, in memory) as a child process on
 * 127.0.0.1, from the committed {@code dynalite/package.json} and lock file once {@code npm ci}
 * has installed it. The process stops when its standard input closes, so it dies with this JVM.
 */
public final class Dynalite implements AutoCloseable {

  /** The folder {@code npm ci} installs dynalite into, beside this module's pom. */
  static final Path HOME = Path.of("dynalite");

  private final Process process;
  private final URI endpoint;

  private Dynalite(Process process, int port) {
    this.process = process;
    this.endpoint = URI.create("http://127.0.0.1:" + port);
  }

  /**
   * Starts dynalite and returns once it listens; aborts the calling test (skipped) when Node.js
   * or the installed package is missing, unless {@code CI=true}, where a missing engine fails.
   */
  public static Dynalite start() throws IOException {
    requireInstalled();
    Process process =
        new ProcessBuilder("node", "serve.js")
            .directory(HOME.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    BufferedReader output =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = output.readLine();
    if (line == null || !line.startsWith("port ")) {
      process.destroyForcibly();
      throw new IllegalStateException("dynalite did not start; it printed: " + line);
    }
    return new Dynalite(process, Integer.parseInt(line.substring("port ".length()).trim()));
  }

  /**
   * Aborts the calling test (skipped) when Node.js or the installed package is missing, or fails
   * it when {@code CI=true}.
   */
  static void requireInstalled() {
    String missing = missingPiece();
    if (missing != null) {
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException(whyNot(missing));
      }
      throw new TestAbortedException(whyNot(missing));
    }
  }

  /**
   * Returns why dynalite cannot run here, or null if it can; always null when {@code CI=true},
   * where a missing engine must fail the tests rather than skip them.
   */
  static String reasonToSkip() {
    String missing = missingPiece();
    return missing == null || "true".equals(System.getenv("CI")) ? null : whyNot(missing);
  }

  private static String whyNot(String missing) {
    return "dynalite cannot run: " + missing + ". Install Node.js (apt-get install nodejs npm)"
        + " and run `npm ci` in conformance/dynalite; .ci/run does both.";
  }

  /** Returns the installed dynalite's version, read from its package.json. */
  static String version() throws IOException {
    requireInstalled();
    String manifest =
        Files.readString(HOME.resolve("node_modules/dynalite/package.json"), StandardCharsets.UTF_8);
    java.util.regex.Matcher version =
        java.util.regex.Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"").matcher(manifest);
    return version.find() ? version.group(1) : "unknown";
  }

  private static String missingPiece() {
    if (!Files.isRegularFile(HOME.resolve("node_modules/dynalite/package.json"))) {
      return "conformance/dynalite/node_modules has no dynalite (npm ci was not run)";
    }
    try {
      Process probe = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      probe.getInputStream().readAllBytes();
      return probe.waitFor() == 0 ? null : "`node --version` failed";
    } catch (IOException e) {
      return "no `node` command on the PATH";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted while probing node";
    }
  }

  /** Returns a DynamoDB client of this engine. */
  public DynamoDbClient client() {
    return EngineClients.configure(DynamoDbClient.builder(), endpoint).build();
  }

  /** Returns a client of this engine that counts its requests in {@code counter}. */
  DynamoDbClient client(RequestCounter counter) {
    return EngineClients.configure(DynamoDbClient.builder(), endpoint, counter).build();
  }

  /**
   * Creates a table and returns once it is ACTIVE: dynalite, like DynamoDB, answers requests to a
   * table still CREATING with ResourceNotFoundException. The SDK's waiter asks every 5 ms.
   */
  public static void createTable(
      DynamoDbClient client, Consumer<CreateTableRequest.Builder> table) {
    CreateTableRequest request = CreateTableRequest.builder().applyMutation(table).build();
    client.createTable(request);
    try (DynamoDbWaiter waiter = DynamoDbWaiter.builder()
        .client(client)
        .overrideConfiguration(w -> w.maxAttempts(400)
            .backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofMillis(5))))
        .build()) {
      waiter.waitUntilTableExists(b -> b.tableName(request.tableName()));
    }
  }

  @Override
  public void close() throws IOException {
    process.getOutputStream().close();
    try {
      if (process.waitFor(10, TimeUnit.SECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process.destroyForcibly();
  }
}
