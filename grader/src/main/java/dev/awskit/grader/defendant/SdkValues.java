package dev.awskit.grader.defendant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.awscore.presigner.PresignedRequest;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.http.Abortable;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PutObjectPresignRequest;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Copies the AWS SDK's values for {@link Codec}: models field by field, and the few types the
 * exercises use that are not models (request bodies, response streams and bytes, presigning).
 */
final class SdkValues {

  /** Caps a request body copied whole: more than any exercise uploads. */
  private static final int MAX_BODY_BYTES = 8 << 20;

  private final Codec codec;

  SdkValues(Codec codec) {
    this.codec = codec;
  }

  /** Writes a model's fields; a collection the SDK made because none was set stays unset. */
  JsonNode writePojo(SdkPojo pojo, int depth) {
    ObjectNode node = Codec.tagged("sdk").put("type", pojo.getClass().getName());
    ObjectNode fields = node.putObject("f");
    for (SdkField<?> field : pojo.sdkFields()) {
      Object value = field.getValueOrDefault(pojo);
      if (value == null
          || value instanceof SdkAutoConstructList<?>
          || value instanceof SdkAutoConstructMap<?, ?>) {
        continue;
      }
      fields.set(field.memberName(), codec.write(value, depth + 1));
    }
    return node;
  }

  Object readPojo(JsonNode node, int depth) {
    Class<?> type = TypeAllowance.loadValueType(node.path("type").asText(), codec.endpoint().loader());
    if (!SdkPojo.class.isAssignableFrom(type)) {
      throw new UncopyableValueException("a model of a type that is none");
    }
    Object builder = builderOf(type);
    if (!(builder instanceof SdkPojo described) || !(builder instanceof SdkBuilder<?, ?> built)) {
      throw new UncopyableValueException("a " + type.getSimpleName() + " without a model builder");
    }
    Map<String, SdkField<?>> fields = new LinkedHashMap<>();
    described.sdkFields().forEach(field -> fields.put(field.memberName(), field));
    node.path("f")
        .fields()
        .forEachRemaining(
            entry -> {
              SdkField<?> field = fields.get(entry.getKey());
              if (field == null) {
                throw new UncopyableValueException(
                    "a " + type.getSimpleName() + " with an unknown field " + entry.getKey());
              }
              field.set(builder, codec.read(entry.getValue(), depth + 1));
            });
    return built.build();
  }

  /** Writes a value of the SDK that is not a model, if {@code value} is one. */
  Optional<JsonNode> write(Object value, int depth) {
    if (value instanceof RequestBody body) {
      return Optional.of(writeBody(body, depth));
    }
    if (value instanceof ResponseInputStream<?> stream) {
      ObjectNode node = Codec.tagged("responsestream");
      node.set("response", codec.write(stream.response(), depth + 1));
      node.put("stream", exportStream(stream));
      return Optional.of(node);
    }
    if (value instanceof InputStream stream) {
      return Optional.of(Codec.tagged("stream").put("stream", exportStream(stream)));
    }
    if (value instanceof ResponseBytes<?> bytes) {
      ObjectNode node =
          Codec.tagged("responsebytes")
              .put("v", Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe()));
      node.set("response", codec.write(bytes.response(), depth + 1));
      return Optional.of(node);
    }
    if (value instanceof GetObjectPresignRequest get) {
      ObjectNode node = Codec.tagged("presignget").put("duration", get.signatureDuration().toString());
      node.set("request", codec.write(get.getObjectRequest(), depth + 1));
      return Optional.of(node);
    }
    if (value instanceof PutObjectPresignRequest put) {
      ObjectNode node = Codec.tagged("presignput").put("duration", put.signatureDuration().toString());
      node.set("request", codec.write(put.putObjectRequest(), depth + 1));
      return Optional.of(node);
    }
    if (value instanceof PresignedGetObjectRequest || value instanceof PresignedPutObjectRequest) {
      return Optional.of(writePresigned((PresignedRequest) value, depth));
    }
    return Optional.empty();
  }

  /** Reads a value of the SDK that is not a model, if {@code tag} names one. */
  Optional<Object> read(String tag, JsonNode node, int depth) {
    return Optional.ofNullable(
        switch (tag) {
          case "body" -> readBody(node, depth);
          case "stream" -> importStream(node.path("stream").asLong());
          case "responsestream" ->
              new ResponseInputStream<>(
                  (SdkResponse) codec.read(node.get("response"), depth + 1),
                  importStream(node.path("stream").asLong()));
          case "responsebytes" ->
              ResponseBytes.fromByteArray(
                  (SdkResponse) codec.read(node.get("response"), depth + 1),
                  Base64.getDecoder().decode(node.path("v").asText()));
          case "presignget" ->
              GetObjectPresignRequest.builder()
                  .signatureDuration(Duration.parse(node.path("duration").asText()))
                  .getObjectRequest((GetObjectRequest) codec.read(node.get("request"), depth + 1))
                  .build();
          case "presignput" ->
              PutObjectPresignRequest.builder()
                  .signatureDuration(Duration.parse(node.path("duration").asText()))
                  .putObjectRequest((PutObjectRequest) codec.read(node.get("request"), depth + 1))
                  .build();
          case "presigned" -> readPresigned(node, depth);
          default -> null;
        });
  }

  private JsonNode writeBody(RequestBody body, int depth) {
    ObjectNode node = Codec.tagged("body").put("type", body.contentType());
    body.optionalContentLength().ifPresent(length -> node.put("length", length));
    try (InputStream content = body.contentStreamProvider().newStream()) {
      byte[] bytes = content.readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        throw new UncopyableValueException("a request body of more than " + MAX_BODY_BYTES + " bytes");
      }
      node.put("v", Base64.getEncoder().encodeToString(bytes));
    } catch (IOException | UncheckedIOException unreadable) {
      // Read where it was made, as the service's client would; the judge's double meets the same
      // failure when it reads the copy.
      node.set("unreadable", codec.write(unreadable, depth + 1));
    }
    return node;
  }

  private RequestBody readBody(JsonNode node, int depth) {
    String type = node.path("type").asText();
    if (node.has("unreadable")) {
      Object failure = codec.read(node.get("unreadable"), depth + 1);
      return RequestBody.fromContentProvider(
          () -> {
            if (failure instanceof UncheckedIOException unchecked) {
              throw unchecked;
            }
            throw new UncheckedIOException(
                failure instanceof IOException io ? io : new IOException(String.valueOf(failure)));
          },
          node.path("length").asLong(0),
          type);
    }
    byte[] bytes = Base64.getDecoder().decode(node.path("v").asText());
    return RequestBody.fromContentProvider(
        () -> new ByteArrayInputStream(bytes), node.path("length").asLong(bytes.length), type);
  }

  private JsonNode writePresigned(PresignedRequest presigned, int depth) {
    SdkHttpRequest http = presigned.httpRequest();
    ObjectNode node =
        Codec.tagged("presigned")
            .put("kind", presigned instanceof PresignedGetObjectRequest ? "get" : "put")
            .put("expiration", presigned.expiration().toString())
            .put("browser", presigned.isBrowserExecutable())
            .put("method", http.method().name())
            .put("protocol", http.protocol())
            .put("host", http.host())
            .put("port", http.port())
            .put("path", http.encodedPath());
    // The query in the signer's order: rebuilding it from the URL would reorder it.
    node.set("query", codec.write(http.rawQueryParameters(), depth + 1));
    node.set("headers", codec.write(http.headers(), depth + 1));
    node.set("signedHeaders", codec.write(presigned.signedHeaders(), depth + 1));
    presigned
        .signedPayload()
        .ifPresent(payload -> node.set("payload", codec.write(payload, depth + 1)));
    return node;
  }

  @SuppressWarnings("unchecked")
  private Object readPresigned(JsonNode node, int depth) {
    SdkHttpFullRequest.Builder http =
        SdkHttpFullRequest.builder()
            .protocol(node.path("protocol").asText())
            .host(node.path("host").asText())
            .port(node.path("port").asInt())
            .encodedPath(node.path("path").asText())
            .rawQueryParameters((Map<String, List<String>>) codec.read(node.get("query"), depth + 1))
            .method(SdkHttpMethod.valueOf(node.path("method").asText()));
    ((Map<String, List<String>>) codec.read(node.get("headers"), depth + 1)).forEach(http::putHeader);
    SdkHttpRequest request = http.build();
    Instant expiration = Instant.parse(node.path("expiration").asText());
    Map<String, List<String>> signedHeaders =
        (Map<String, List<String>>) codec.read(node.get("signedHeaders"), depth + 1);
    SdkBytes payload = node.has("payload") ? (SdkBytes) codec.read(node.get("payload"), depth + 1) : null;
    boolean browser = node.path("browser").asBoolean();
    if (node.path("kind").asText().equals("get")) {
      return PresignedGetObjectRequest.builder()
          .expiration(expiration)
          .isBrowserExecutable(browser)
          .signedHeaders(signedHeaders)
          .signedPayload(payload)
          .httpRequest(request)
          .build();
    }
    return PresignedPutObjectRequest.builder()
        .expiration(expiration)
        .isBrowserExecutable(browser)
        .signedHeaders(signedHeaders)
        .signedPayload(payload)
        .httpRequest(request)
        .build();
  }

  private long exportStream(InputStream stream) {
    return codec.endpoint().handles().exportStream(stream, new StreamAccess() {
      @Override
      public byte[] read(int max) {
        try {
          byte[] buffer = new byte[Math.max(0, Math.min(max, 1 << 20))];
          int read = stream.read(buffer, 0, buffer.length);
          return read < 0 ? null : java.util.Arrays.copyOf(buffer, read);
        } catch (IOException failed) {
          throw new UncheckedIOException(failed);
        }
      }

      @Override
      public void close() {
        try {
          stream.close();
        } catch (IOException failed) {
          throw new UncheckedIOException(failed);
        }
      }

      @Override
      public void abort() {
        if (stream instanceof Abortable abortable) {
          abortable.abort();
        }
      }
    });
  }

  private AbortableInputStream importStream(long id) {
    StreamAccess access = codec.endpoint().handles().proxyOf(id, StreamAccess.class);
    AbortableInputStream stream = AbortableInputStream.create(new RemoteInputStream(access), access::abort);
    codec.endpoint().handles().rememberImported(stream, id);
    return stream;
  }

  private static Object builderOf(Class<?> type) {
    try {
      return type.getMethod("builder").invoke(null);
    } catch (ReflectiveOperationException | RuntimeException unbuildable) {
      throw new UncopyableValueException("a " + type.getSimpleName() + " without a builder");
    }
  }
}
