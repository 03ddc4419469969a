package dev.awskit.grader.worker;

import dev.awskit.grader.engine.GraderClassPath;
import dev.awskit.grader.sandbox.ConfiningFileSystemProvider;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Builds the plain command line and environment of a worker JVM, before any confinement wraps
 * them: its limits, its sandbox folders, the confined file system, and the grader's class path
 * without the reference solution.
 */
final class WorkerCommand {

  private WorkerCommand() {}

  /**
   * Prepares {@code sandbox} for a worker of {@code mainClass} on {@code classPath} (from {@link
   * #classPathEntries()}) with the further JVM options {@code jvmOptions} in {@code confinement}
   * and returns how to start it; deletes the sandbox when the confinement cannot prepare it.
   */
  static ConfinedWorker confined(
      Confinement confinement,
      WorkerSettings settings,
      Sandbox sandbox,
      String mainClass,
      List<String> classPath,
      List<String> jvmOptions) {
    try {
      List<String> command = command(settings, sandbox, mainClass, classPath);
      command.addAll(1, jvmOptions);
      return confinement.confine(sandbox, command, environment(sandbox), classPath);
    } catch (RuntimeException unpreparable) {
      sandbox.delete();
      throw unpreparable;
    }
  }

  /** Returns the command line of a worker JVM whose sandbox is {@code sandbox}. */
  static List<String> command(WorkerSettings settings, Sandbox sandbox, String mainClass) {
    return command(settings, sandbox, mainClass, classPathEntries());
  }

  private static List<String> command(
      WorkerSettings settings, Sandbox sandbox, String mainClass, List<String> classPath) {
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.add("-Xmx" + settings.heapMegabytes() + "m");
    command.add("-Xss" + settings.stackKilobytes() + "k");
    command.add("-XX:+ExitOnOutOfMemoryError");
    // Start-up matters more than peak speed: tests are short.
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Xshare:auto");
    // No hsperfdata file in the shared temporary folder.
    command.add("-XX:-UsePerfData");
    command.add("-Djava.io.tmpdir=" + sandbox.tmp());
    command.add("-Duser.home=" + sandbox.home());
    command.add("-Dfile.encoding=UTF-8");
    command.add("-Duser.timezone=UTC");
    command.add("-Duser.language=en");
    command.add("-Duser.country=US");
    command.add("-Djava.awt.headless=true");
    // Proxies that lead nowhere: plain sockets, URL connections and the SDK's HTTP clients fail
    // fast instead of reaching the network (the vetting refuses them anyway).
    command.add("-DsocksProxyHost=127.0.0.1");
    command.add("-DsocksProxyPort=9");
    command.add("-Dhttp.proxyHost=127.0.0.1");
    command.add("-Dhttp.proxyPort=9");
    command.add("-Dhttps.proxyHost=127.0.0.1");
    command.add("-Dhttps.proxyPort=9");
    command.add("-Dhttp.nonProxyHosts=");
    // java.nio.file reaches only the sandbox (and the JDK's files, to read): a submission cannot
    // read the hidden tests in the grader's jar or write beside it. The vetting refuses java.io.
    command.addAll(ConfiningFileSystemProvider.jvmOptions(sandbox.root()));
    command.add("-cp");
    command.add(String.join(File.pathSeparator, classPath));
    command.add(mainClass);
    command.add(String.valueOf(settings.keptOutputBytes()));
    return command;
  }

  /**
   * Returns the environment of a worker: nothing of the grader's own (where credentials live), only
   * what keeps a JVM and the AWS SDK pointed at the sandbox and away from the network.
   */
  static Map<String, String> environment(Sandbox sandbox) {
    Map<String, String> environment = new LinkedHashMap<>();
    String systemRoot = System.getenv("SystemRoot");
    if (systemRoot != null) {
      // Windows cannot start a JVM with networking code without it.
      environment.put("SystemRoot", systemRoot);
    }
    Path home = sandbox.home();
    environment.put("HOME", home.toString());
    environment.put("TMPDIR", sandbox.tmp().toString());
    environment.put("LANG", "C.UTF-8");
    environment.put("TZ", "UTC");
    environment.put("AWS_EC2_METADATA_DISABLED", "true");
    environment.put("AWS_CONFIG_FILE", home.resolve(".aws").resolve("config").toString());
    environment.put(
        "AWS_SHARED_CREDENTIALS_FILE", home.resolve(".aws").resolve("credentials").toString());
    return environment;
  }

  private static String javaExecutable() {
    String name = System.getProperty("os.name", "").startsWith("Windows") ? "java.exe" : "java";
    Path java = Path.of(System.getProperty("java.home"), "bin", name);
    if (Files.isExecutable(java)) {
      return java.toString();
    }
    return ProcessHandle.current().info().command().orElse(name);
  }

  /**
   * Returns the grader's class path without the reference solution: a worker needs the hidden tests
   * and the libraries, and a submission must not find the solution there. The reference solution,
   * when it is what is graded, comes in as the request's class root like any other.
   */
  static List<String> classPathEntries() {
    List<String> entries = new ArrayList<>();
    for (Path entry : GraderClassPath.entries()) {
      if (!holdsSolutions(entry)) {
        entries.add(entry.toAbsolutePath().toString());
      }
    }
    return entries;
  }

  private static boolean holdsSolutions(Path entry) {
    String folder = "dev/awskit/solutions/";
    if (Files.isDirectory(entry)) {
      return Files.isDirectory(entry.resolve(folder));
    }
    // Opens every jar of the class path: a runner does it once and keeps the answer.
    try (JarFile jar = new JarFile(entry.toFile())) {
      Enumeration<JarEntry> files = jar.entries();
      while (files.hasMoreElements()) {
        if (files.nextElement().getName().startsWith(folder)) {
          return true;
        }
      }
      return false;
    } catch (IOException notAJar) {
      return false;
    }
  }
}
