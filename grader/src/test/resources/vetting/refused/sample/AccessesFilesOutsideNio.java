package sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.Formatter;
import java.util.Scanner;
import java.util.function.Function;
import java.util.jar.JarFile;
import java.util.logging.FileHandler;
import java.util.zip.ZipFile;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;

/** Reaches files around java.nio.file, which the worker JVM confines to its sandbox. */
public class AccessesFilesOutsideNio {

  public byte[] read(String name) throws Exception {
    try (InputStream in = new FileInputStream(name)) { // refused: file-access-outside-nio
      return in.readAllBytes();
    }
  }

  public void streams(File file, Path path) throws Exception {
    new FileOutputStream(file, true).close(); // refused: file-access-outside-nio
    new FileOutputStream(FileDescriptor.out).flush(); // refused: file-access-outside-nio
    new RandomAccessFile(path.toFile(), "rw").close(); // refused: file-access-outside-nio
    new FileReader("notes.txt").close(); // refused: file-access-outside-nio
    new FileWriter(file).close(); // refused: file-access-outside-nio
    new PrintWriter("out.txt").close(); // refused: file-access-outside-nio
    new PrintStream(file).close(); // refused: file-access-outside-nio
    new Formatter("out.txt").close(); // refused: file-access-outside-nio
    new Scanner(file).close(); // refused: file-access-outside-nio
  }

  public void archivesAndLogs(String jar) throws Exception {
    new ZipFile(jar).close(); // refused: file-access-outside-nio
    new JarFile(jar).close(); // refused: file-access-outside-nio
    new FileHandler("log.txt").close(); // refused: file-access-outside-nio
  }

  public Object fileMembers(Path path) throws Exception {
    File file = path.toFile();
    boolean there = file.exists(); // refused: file-access-outside-nio
    String[] names = new File("/").list(); // refused: file-access-outside-nio
    Function<File, Boolean> deleter = File::delete; // refused: file-access-outside-nio
    return there + names[0] + file.getCanonicalPath() + deleter; // refused: file-access-outside-nio
  }

  public Object libraries(File file) throws Exception {
    JsonNode tree = new ObjectMapper().readTree(file); // refused: file-access-outside-nio
    RequestBody body = RequestBody.fromFile(file); // refused: file-access-outside-nio
    return tree + "" + body + ResponseTransformer.toFile(file); // refused: file-access-outside-nio
  }

  @SuppressWarnings("deprecation")
  public Object urls(Path path) throws Exception {
    URL made = new URL("file:/etc/passwd"); // refused: file-access-outside-nio
    URL fromUri = path.toUri().toURL(); // refused: file-access-outside-nio
    URL fromFile = path.toFile().toURL(); // refused: file-access-outside-nio
    return new ObjectMapper().readTree(made) + "" + fromUri + fromFile + URI.create("https://example.com");
  }

  public Object xml(String name) throws Exception {
    javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance(); // refused: file-access-outside-nio
    return factory.newDocumentBuilder().parse(name); // refused: file-access-outside-nio
  }

  public Object image(Path path) throws Exception {
    return javax.imageio.ImageIO.read(path.toFile()); // refused: file-access-outside-nio
  }
}
