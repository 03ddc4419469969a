package sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Uploads and downloads the way question 4 allows: files, paths and an injected client. */
public class CleanTransfer {
  private final S3Client s3;

  public CleanTransfer(S3Client s3) {
    this.s3 = s3;
  }

  public boolean upload(String bucket, String key, Path file) {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try {
      PutObjectRequest request = PutObjectRequest.builder().bucket(bucket).key(key).build();
      s3.putObject(request, RequestBody.fromFile(file));
      s3.putObject(b -> b.bucket(bucket).key(key + ".copy"), RequestBody.fromString("x"));
      return true;
    } catch (SdkException failed) {
      return false;
    }
  }

  public boolean download(String bucket, String key, Path target) {
    Path partial = target.resolveSibling(target.getFileName() + ".part");
    try {
      Files.createDirectories(target.toAbsolutePath().getParent());
      Files.deleteIfExists(partial);
      s3.getObject(GetObjectRequest.builder().bucket(bucket).key(key).build(), ResponseTransformer.toFile(partial));
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
      return true;
    } catch (SdkException | IOException failed) {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException ignored) {
        // nothing left to clean
      }
      return false;
    }
  }

  public boolean downloadOtherOverloads(String bucket, String key, Path target) throws IOException {
    GetObjectRequest request = GetObjectRequest.builder().bucket(bucket).key(key).build();
    Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), "download", ".tmp");
    try (ResponseInputStream<GetObjectResponse> in = s3.getObject(request);
        InputStream copy = Files.newInputStream(temp)) {
      Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
      copy.transferTo(Files.newOutputStream(target));
    } finally {
      Files.deleteIfExists(temp);
    }
    s3.getObject(request, target.resolveSibling("other"));
    Files.write(target, s3.getObjectAsBytes(request).asByteArray());
    return Files.size(target) >= 0 && target.toFile().getName().equals(new java.io.File("x").getPath());
  }

  /** What stays allowed beside java.nio.file: File as a name only, streams that open no file. */
  public String describe(Path file) throws IOException {
    java.io.File name = new java.io.File(file.toFile().getParentFile(), "copy.bin");
    Path back = name.getAbsoluteFile().toPath().resolveSibling(name.getName());
    java.io.StringWriter text = new java.io.StringWriter();
    try (java.io.PrintWriter out = new java.io.PrintWriter(text);
        java.io.PrintStream bytes = new java.io.PrintStream(java.io.OutputStream.nullOutputStream(), true, "UTF-8");
        java.util.Scanner words = new java.util.Scanner("a b c");
        java.util.Scanner lines = new java.util.Scanner(file);
        java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(Files.newInputStream(file))) {
      out.print(words.next() + lines.hasNext() + zip.getNextEntry() + new java.util.Formatter(new StringBuilder()).format("%d", 1));
      bytes.print(name.toURI() + java.io.File.separator + java.io.File.separatorChar + name.isAbsolute());
    }
    return text + back.toString() + java.net.URI.create("https://example.com/a").getPath();
  }

  public List<String> keys(String bucket, String prefix) {
    return s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build())
        .contents()
        .stream()
        .map(S3Object::key)
        .toList();
  }

  public String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
