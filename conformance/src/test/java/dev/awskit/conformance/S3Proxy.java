package dev.awskit.conformance;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Runs S3Proxy in this JVM on 127.0.0.1, at a port the system picks, over a transient (in-memory)
 * store. It checks AWS signatures (V2 or V4), so presigned URLs are checked as S3 checks them.
 */
public final class S3Proxy implements AutoCloseable {

  private final org.gaul.s3proxy.S3Proxy proxy;
  private final BlobStore store;
  private final URI endpoint;

  private S3Proxy(org.gaul.s3proxy.S3Proxy proxy, BlobStore store) {
    this.proxy = proxy;
    this.store = store;
    this.endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
  }

  /** Starts the engine and returns once it listens. */
  public static S3Proxy start() throws Exception {
    BlobStore store = new TransientNio2BlobStore();
    org.gaul.s3proxy.S3Proxy proxy =
        org.gaul.s3proxy.S3Proxy.builder()
            .blobStore(store)
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(
                AuthenticationType.AWS_V2_OR_V4,
                EngineClients.ACCESS_KEY,
                EngineClients.SECRET_KEY)
            .build();
    proxy.start();
    return new S3Proxy(proxy, store);
  }

  /**
   * Puts an object straight into the engine's store, without HTTP: a fixture of a thousand keys
   * costs milliseconds instead of a thousand requests.
   */
  void seed(String bucket, String key, String content) {
    store.putBlob(
        PutObjectRequest.builder().bucket(bucket).key(key).build(),
        new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
  }

  /** Returns an S3 client of this engine (path-style addressing: the host is an address). */
  public S3Client client() {
    return EngineClients.configure(S3Client.builder(), endpoint).forcePathStyle(true).build();
  }

  /** Returns a client of this engine that counts its requests in {@code counter}. */
  S3Client client(RequestCounter counter) {
    return EngineClients.configure(S3Client.builder(), endpoint, counter)
        .forcePathStyle(true)
        .build();
  }

  /** Returns a presigner whose URLs point at this engine. */
  public S3Presigner presigner() {
    return S3Presigner.builder()
        .endpointOverride(endpoint)
        .region(EngineClients.REGION)
        .credentialsProvider(EngineClients.credentials())
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
        .build();
  }

  @Override
  public void close() {
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("S3Proxy did not stop", e);
    }
  }
}
