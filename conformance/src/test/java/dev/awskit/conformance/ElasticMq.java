package dev.awskit.conformance;

import java.net.URI;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Runs ElasticMQ in this JVM on 127.0.0.1, at a port the system picks. */
public final class ElasticMq implements AutoCloseable {

  private final SQSRestServer server;
  private final URI endpoint;

  private ElasticMq(SQSRestServer server, int port) {
    this.server = server;
    this.endpoint = URI.create("http://127.0.0.1:" + port);
  }

  /** Starts the engine and returns once it listens. */
  public static ElasticMq start() {
    SQSRestServer server =
        SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
    return new ElasticMq(server, server.waitUntilStarted().localAddress().getPort());
  }

  /** Returns an SQS client of this engine. */
  public SqsClient client() {
    return EngineClients.configure(SqsClient.builder(), endpoint).build();
  }

  /** Returns a client of this engine that counts its requests in {@code counter}. */
  SqsClient client(RequestCounter counter) {
    return EngineClients.configure(SqsClient.builder(), endpoint, counter).build();
  }

  @Override
  public void close() {
    server.stopAndWait();
  }
}
