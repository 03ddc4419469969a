package dev.awskit.grader.vetting;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static dev.awskit.grader.vetting.Uses.constructorOfSubtype;
import static dev.awskit.grader.vetting.Uses.firstParameterIs;
import static dev.awskit.grader.vetting.Uses.inPackage;
import static dev.awskit.grader.vetting.Uses.member;
import static dev.awskit.grader.vetting.Uses.memberNamedEnding;
import static dev.awskit.grader.vetting.Uses.memberNamedLike;
import static dev.awskit.grader.vetting.Uses.memberOfSubtype;
import static dev.awskit.grader.vetting.Uses.memberOfSubtypeExcept;
import static dev.awskit.grader.vetting.Uses.takesParameter;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Lists the rules every submission is checked against before any of its code runs.
 *
 * <p>Each rule forbids what no exercise needs and what could stop, escape or fool the grader.
 * What the exercises do need stays allowed: SDK request builders, {@code java.nio.file.Files}
 * and {@code Path} (question 4 uploads and downloads files; the worker JVM confines them to its
 * sandbox, which is why the ways around them are refused), lambdas, streams (parallel ones
 * included), records, Jackson for JSON ({@link LibraryRules}), {@code Thread.sleep} and {@code Thread.currentThread().interrupt()},
 * printing. {@code docs/security/static-vetting.md} lists the rules and what they do not catch.
 */
public final class VettingRules {

  /** Thread members that act only on the calling thread or only read; everything else is refused. */
  private static final Set<String> HARMLESS_THREAD_MEMBERS =
      Set.of(
          "currentThread", "interrupt", "isInterrupted", "interrupted", "sleep", "onSpinWait",
          "getName", "getId", "threadId", "isAlive", "isDaemon", "isVirtual", "getPriority",
          "getState", "holdsLock", "getStackTrace", "join", "checkAccess", "toString", "equals",
          "hashCode", "getClass", "wait", "notify", "notifyAll",
          // Reported by the class-loading rule instead, so one line is not reported twice.
          "getContextClassLoader", "setContextClassLoader");

  /**
   * File members that only work on the name, never the disk; every other member of File is
   * refused. The separators are fields, read the same way.
   */
  private static final Set<String> PURE_FILE_MEMBERS =
      Set.of(
          "<init>", "getName", "getPath", "getParent", "getParentFile", "getAbsolutePath",
          "getAbsoluteFile", "isAbsolute", "toPath", "toURI", "toString", "equals", "hashCode",
          "compareTo", "getClass", "separator", "separatorChar", "pathSeparator",
          "pathSeparatorChar");

  private static final String THREADS_REASON =
      "code left running on another thread can outlive its test and disturb the next one; do the"
          + " work on the calling thread (a retry waits through the Sleeper it is given)";

  private VettingRules() {}

  /** Returns the default rules, in the order their violations are reported. */
  public static List<VettingRule> defaults() {
    return List.of(
        processExit(),
        processSpawn(),
        reflection(),
        threads(),
        classLoading(),
        nativeCode(),
        systemState(),
        network(),
        sdkClientBuiltInside(),
        fileSystemTricks(),
        fileAccessOutsideNio(),
        jdkInternals(),
        LibraryRules.libraryReflection(),
        LibraryRules.libraryJsonTypes(),
        LibraryRules.libraryAnnotations());
  }

  /** Forbids ending the JVM or hooking into its end. */
  static VettingRule processExit() {
    return rule(
        "process-exit",
        "end the Java process (System.exit, Runtime.exit, Runtime.halt) or add a shutdown hook",
        "ending the Java process that runs the tests would cut the grading short; return a value"
            + " or throw an exception instead",
        member("java.lang.System", "exit")
            .or(member("java.lang.Runtime", "exit", "halt", "addShutdownHook", "removeShutdownHook")));
  }

  /** Forbids starting or controlling other processes. */
  static VettingRule processSpawn() {
    return rule(
        "process-spawn",
        "start or control other processes (ProcessBuilder, Runtime.exec, Process, ProcessHandle,"
            + " java.awt.Desktop)",
        "no exercise starts other programs, and a program started from the grader could reach"
            + " outside its sandbox",
        processSpawnUses());
  }

  private static Predicate<JavaAccess<?>> processSpawnUses() {
    return member("java.lang.ProcessBuilder")
        .or(memberOfSubtype("java.lang.ProcessBuilder"))
        .or(member("java.lang.Runtime", "exec"))
        .or(memberOfSubtype("java.lang.Process"))
        .or(memberOfSubtype("java.lang.ProcessHandle"))
        .or(member("java.awt.Desktop"));
  }

  /** Forbids reflection, method handles and module tricks. */
  static VettingRule reflection() {
    Predicate<JavaAccess<?>> reflect =
        inPackage("java.lang.reflect").and(member("java.lang.reflect.Array").negate());
    return rule(
        "reflection",
        "use reflection or method handles (java.lang.reflect, java.lang.invoke, Class.forName,"
            + " getDeclared..., getMethod, setAccessible, modules)",
        "reflection can reach into the grader's classes and the hidden tests; call the SDK and"
            + " the exercise's types directly",
        reflect
            .or(inPackage("java.lang.invoke", "java.beans"))
            .or(
                member(
                    "java.lang.Class", "forName", "getMethod", "getMethods", "getField",
                    "getFields", "getConstructor", "getConstructors", "getEnclosingMethod",
                    "getEnclosingConstructor", "newInstance", "getRecordComponents",
                    "getModule", "getProtectionDomain"))
            .or(memberNamedLike("java.lang.Class", "getDeclared"))
            .or(member("java.lang.Module"))
            .or(member("java.lang.ModuleLayer")));
  }

  /** Forbids new threads, thread pools, timers and other code that runs beside a test. */
  static VettingRule threads() {
    Function<JavaCodeUnit, Optional<String>> finalizer =
        unit ->
            unit.getName().equals("finalize") && unit.getRawParameterTypes().isEmpty()
                ? Optional.of("declares finalize(), which the JVM runs on a thread of its own")
                : Optional.empty();
    return new VettingRule(
        "threads",
        THREADS_REASON,
        noClasses()
            .should(
                new ForbiddenUse(
                    "start threads or thread pools (new Thread, Thread.start, ThreadGroup,"
                        + " Executors, ForkJoinPool, CompletableFuture.*Async, orTimeout,"
                        + " completeOnTimeout, SubmissionPublisher, AsynchronousFileChannel,"
                        + " Timer, Cleaner, finalize())",
                    memberOfSubtypeExcept("java.lang.Thread", HARMLESS_THREAD_MEMBERS)
                        .or(memberOfSubtype("java.lang.ThreadGroup"))
                        .or(member("java.util.concurrent.Executors"))
                        .or(constructorOfSubtype("java.util.concurrent.ExecutorService"))
                        .or(member("java.util.concurrent.ForkJoinPool", "commonPool"))
                        .or(memberOfSubtype("java.util.concurrent.ForkJoinTask", "fork", "invokeAll"))
                        .or(memberNamedEnding("java.util.concurrent.CompletableFuture", "Async"))
                        .or(member(
                            "java.util.concurrent.CompletableFuture", "delayedExecutor",
                            "orTimeout", "completeOnTimeout"))
                        .or(constructorOfSubtype("java.util.concurrent.SubmissionPublisher"))
                        .or(memberOfSubtype("java.nio.channels.AsynchronousFileChannel", "open"))
                        .or(memberOfSubtype("java.nio.channels.AsynchronousChannelGroup"))
                        .or(constructorOfSubtype("java.util.Timer"))
                        .or(member("java.lang.ref.Cleaner", "create")),
                    finalizer))
            .because(THREADS_REASON)
            .allowEmptyShould(true));
  }

  /** Forbids loading classes or resources by hand. */
  static VettingRule classLoading() {
    return rule(
        "class-loading",
        "load classes or resources themselves (ClassLoader, getClassLoader, getResource,"
            + " ServiceLoader, ResourceBundle.getBundle, ObjectInputStream, DriverManager,"
            + " javax.tools, javax.script, java.lang.instrument)",
        "loading classes or resources yourself could read the hidden tests or the reference"
            + " solution, or run code the grader never checked",
        classLoadingUses());
  }

  private static Predicate<JavaAccess<?>> classLoadingUses() {
    return memberOfSubtype("java.lang.ClassLoader")
        .or(member("java.lang.Class", "getClassLoader", "getResource", "getResourceAsStream"))
        .or(member("java.lang.Thread", "getContextClassLoader", "setContextClassLoader"))
        .or(member("java.util.ServiceLoader"))
        .or(member("java.util.ResourceBundle", "getBundle"))
        .or(memberOfSubtype("java.io.ObjectInputStream"))
        .or(member("java.sql.DriverManager"))
        .or(inPackage("javax.tools", "javax.script", "java.lang.instrument"));
  }

  /** Forbids native code. */
  static VettingRule nativeCode() {
    Function<JavaCodeUnit, Optional<String>> nativeMethod =
        unit ->
            unit.getModifiers().contains(JavaModifier.NATIVE)
                ? Optional.of("declares a native method")
                : Optional.empty();
    String reason =
        "native code runs outside the Java virtual machine's checks, and no exercise needs it";
    return new VettingRule(
        "native-code",
        reason,
        noClasses()
            .should(
                new ForbiddenUse(
                    "load native code (System.load, System.loadLibrary, Runtime.load,"
                        + " Runtime.loadLibrary, native methods)",
                    member("java.lang.System", "load", "loadLibrary")
                        .or(member("java.lang.Runtime", "load", "loadLibrary")),
                    nativeMethod))
            .because(reason)
            .allowEmptyShould(true));
  }

  /** Forbids changing what the whole JVM shares: System streams, properties, defaults. */
  static VettingRule systemState() {
    return rule(
        "system-state",
        "change the System streams, system properties or JVM-wide defaults (System.setOut,"
            + " setErr, setIn, setProperty, clearProperty, setProperties, getProperties,"
            + " setSecurityManager, Locale.setDefault, TimeZone.setDefault, Security providers,"
            + " LogManager configuration, Logger handlers and parents, java.util.prefs)",
        "System streams, properties and defaults are shared with the grader and the other"
            + " questions, so changing them would disturb both; pass values around instead",
        member(
                "java.lang.System", "setOut", "setErr", "setIn", "setProperty", "clearProperty",
                "setProperties", "getProperties", "setSecurityManager")
            .or(member("java.util.Locale", "setDefault"))
            .or(member("java.util.TimeZone", "setDefault"))
            .or(member(
                "java.security.Security", "addProvider", "insertProviderAt", "removeProvider",
                "setProperty"))
            .or(member("java.security.Policy", "setPolicy"))
            .or(member("javax.net.ssl.SSLContext", "setDefault"))
            .or(member("java.net.Authenticator", "setDefault"))
            .or(member("java.net.CookieHandler", "setDefault"))
            .or(member("java.net.ProxySelector", "setDefault"))
            .or(member("java.net.ResponseCache", "setDefault"))
            .or(member("java.net.URL", "setURLStreamHandlerFactory"))
            .or(member(
                "java.util.logging.LogManager", "reset", "readConfiguration",
                "updateConfiguration", "addLogger", "addConfigurationListener",
                "removeConfigurationListener"))
            .or(member(
                "java.util.logging.Logger", "addHandler", "removeHandler", "setParent",
                "setUseParentHandlers", "setFilter"))
            .or(inPackage("java.util.prefs")));
  }

  /** Forbids sockets, HTTP and URL connections outside the SDK clients handed in. */
  static VettingRule network() {
    return rule(
        "network",
        "open network connections (Socket, ServerSocket, DatagramSocket, socket channels,"
            + " java.net.http.HttpClient, URL.openConnection, URL.openStream, URLConnection,"
            + " host name lookups, System.inheritedChannel, JNDI)",
        "the exercises reach AWS only through the SDK client given to your constructor, and the"
            + " grader gives your code no network",
        memberOfSubtype("java.net.Socket")
            .or(memberOfSubtype("java.net.ServerSocket"))
            .or(memberOfSubtype("java.net.DatagramSocket"))
            .or(memberOfSubtype("java.net.URLConnection"))
            .or(member("java.net.URL", "openConnection", "openStream", "getContent"))
            .or(member(
                "java.net.InetAddress", "getByName", "getAllByName", "getLocalHost",
                "isReachable", "getHostName", "getCanonicalHostName"))
            .or(member("java.net.InetSocketAddress", "<init>"))
            .or(member("java.lang.System", "inheritedChannel"))
            .or(inPackage("java.net.http", "javax.net", "java.rmi", "javax.naming"))
            .or(memberOfSubtype("java.nio.channels.SocketChannel"))
            .or(memberOfSubtype("java.nio.channels.ServerSocketChannel"))
            .or(memberOfSubtype("java.nio.channels.DatagramChannel"))
            .or(memberOfSubtype("java.nio.channels.AsynchronousSocketChannel"))
            .or(memberOfSubtype("java.nio.channels.AsynchronousServerSocketChannel"))
            .or(inPackage("java.nio.channels.spi")));
  }

  /** Forbids building SDK clients, presigners or client-building waiters inside the code. */
  static VettingRule sdkClientBuiltInside() {
    return rule(
        "sdk-client-built-inside",
        "build AWS SDK clients or presigners themselves (S3Client.create(), DynamoDbClient.builder(),"
            + " S3Presigner.create(), S3Waiter.create(), ...)",
        "the exercise hands the SDK client (or presigner) to your constructor, so the tests can"
            + " pass in a stand-in; a client built inside would try to reach real AWS. Use the one"
            + " you were given; building requests with builders such as PutObjectRequest.builder()"
            + " is fine",
        Uses.sdkClientFactory());
  }

  /** Forbids file-system changes no exercise needs: links, permissions, new file systems. */
  static VettingRule fileSystemTricks() {
    return rule(
        "file-system-tricks",
        "create links, change file permissions or owners, or open other file systems"
            + " (Files.createSymbolicLink, createLink, setPosixFilePermissions, setOwner,"
            + " setAttribute, File.setExecutable/setReadable/setWritable/setReadOnly, deleteOnExit,"
            + " FileSystems.newFileSystem)",
        "no exercise needs them, and they could reach files outside your working folder; reading"
            + " and writing the files a method is given stays allowed",
        fileSystemTrickUses());
  }

  private static Predicate<JavaAccess<?>> fileSystemTrickUses() {
    return member(
            "java.nio.file.Files", "createSymbolicLink", "createLink",
            "setPosixFilePermissions", "setOwner", "setAttribute")
        .or(member(
            "java.io.File", "setExecutable", "setReadable", "setWritable", "setReadOnly",
            "deleteOnExit"))
        .or(member("java.nio.file.FileSystems", "newFileSystem"))
        .or(inPackage("java.nio.file.spi"));
  }

  /**
   * Forbids reading or writing files except through {@code java.nio.file}, the one way the worker
   * JVM confines to the sandbox: {@code java.io} file streams and most of {@code java.io.File},
   * library methods that take a {@code File} (they open it with {@code java.io}), URLs (libraries
   * open them, {@code file:} ones with {@code java.io}), and packages no exercise needs that open
   * files or URIs themselves. Uses that another rule refuses already are left to it, so one line
   * is not reported twice.
   */
  static VettingRule fileAccessOutsideNio() {
    Predicate<JavaAccess<?>> elsewhere =
        processSpawnUses().or(classLoadingUses()).or(fileSystemTrickUses()).or(jdkInternalUses());
    return rule(
        "file-access-outside-nio",
        "read or write files other than through java.nio.file (FileInputStream, FileOutputStream,"
            + " RandomAccessFile, FileReader, FileWriter, PrintWriter, PrintStream or Formatter on"
            + " a file, ZipFile, JarFile, FileHandler, java.io.File methods that touch the disk,"
            + " methods that take a java.io.File, new URL, URL.of, URI.toURL, javax.xml, org.xml,"
            + " org.w3c, javax.imageio, javax.sound, java.awt, javax.swing)",
        "the grader lets your code reach its own folders only through java.nio.file, and these"
            + " go around it; use the java.nio.file.Path you are given, with Files (newInputStream,"
            + " readAllBytes, write, copy, ...)",
        fileAccessOutsideNioUses().and(elsewhere.negate()));
  }

  private static Predicate<JavaAccess<?>> fileAccessOutsideNioUses() {
    return constructorOfSubtype("java.io.FileInputStream")
        .or(constructorOfSubtype("java.io.FileOutputStream"))
        .or(constructorOfSubtype("java.io.RandomAccessFile"))
        .or(constructorOfSubtype("java.io.FileReader"))
        .or(constructorOfSubtype("java.io.FileWriter"))
        // PrintWriter("name"), PrintStream("name"), Formatter("name") write a file. Scanner's
        // String is the text to scan, so only its File constructors (below) open a file.
        .or(constructorOfSubtype("java.io.PrintWriter")
            .and(firstParameterIs("java.lang.String", "java.io.File")))
        .or(constructorOfSubtype("java.io.PrintStream")
            .and(firstParameterIs("java.lang.String", "java.io.File")))
        .or(constructorOfSubtype("java.util.Formatter")
            .and(firstParameterIs("java.lang.String", "java.io.File")))
        .or(memberOfSubtype("java.util.zip.ZipFile"))
        .or(memberOfSubtype("java.util.jar.JarFile"))
        .or(memberOfSubtype("java.util.logging.FileHandler"))
        .or(memberOfSubtypeExcept("java.io.File", PURE_FILE_MEMBERS))
        .or(takesParameter("java.io.File").and(member("java.io.File").negate()))
        .or(member("java.net.URL", "<init>", "of"))
        .or(member("java.net.URI", "toURL"))
        .or(inPackage(
            "javax.xml", "org.xml", "org.w3c", "javax.imageio", "javax.sound", "java.awt",
            "javax.swing"));
  }

  /** Forbids internal and management APIs of the JDK. */
  static VettingRule jdkInternals() {
    return rule(
        "jdk-internals",
        "use internal or management APIs of the JDK (sun.*, com.sun.*, jdk.*,"
            + " java.lang.management, javax.management)",
        "internal APIs get around the Java virtual machine's checks, and no exercise needs them",
        jdkInternalUses());
  }

  private static Predicate<JavaAccess<?>> jdkInternalUses() {
    return inPackage("sun", "com.sun", "jdk", "java.lang.management", "javax.management");
  }

  private static VettingRule rule(
      String id, String forbidden, String reason, Predicate<JavaAccess<?>> accesses) {
    return new VettingRule(
        id,
        reason,
        noClasses()
            .should(new ForbiddenUse(forbidden, accesses))
            .because(reason)
            .allowEmptyShould(true));
  }
}
