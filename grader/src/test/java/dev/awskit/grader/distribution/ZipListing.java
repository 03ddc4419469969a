package dev.awskit.grader.distribution;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Reads a zip the way {@code unzip} does, independently of the code that wrote it: the entry names
 * and Unix modes straight from the central directory, and an extraction that applies them.
 */
final class ZipListing {

  private static final int END_OF_CENTRAL_DIRECTORY = 0x06054b50;
  private static final int CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
  private static final int MADE_ON_UNIX = 3;

  private ZipListing() {}

  /** Holds one entry of the central directory. */
  record Entry(String name, int unixMode) {

    boolean isDirectory() {
      return name.endsWith("/");
    }

    boolean isExecutable() {
      return (unixMode & 0100) != 0;
    }
  }

  /** Returns the entries of the zip's central directory, in order. */
  static List<Entry> entries(Path zip) throws IOException {
    byte[] bytes = Files.readAllBytes(zip);
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int end = -1;
    for (int at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
      if (buffer.getInt(at) == END_OF_CENTRAL_DIRECTORY) {
        end = at;
        break;
      }
    }
    if (end < 0) {
      throw new IOException(zip + " is not a zip file");
    }
    int count = Short.toUnsignedInt(buffer.getShort(end + 10));
    int at = buffer.getInt(end + 16);
    List<Entry> entries = new ArrayList<>();
    for (int index = 0; index < count; index++) {
      if (buffer.getInt(at) != CENTRAL_DIRECTORY_ENTRY) {
        throw new IOException("Broken central directory in " + zip);
      }
      int madeBy = Short.toUnsignedInt(buffer.getShort(at + 4)) >> 8;
      int nameLength = Short.toUnsignedInt(buffer.getShort(at + 28));
      int extraLength = Short.toUnsignedInt(buffer.getShort(at + 30));
      int commentLength = Short.toUnsignedInt(buffer.getShort(at + 32));
      int external = buffer.getInt(at + 38);
      String name = new String(bytes, at + 46, nameLength, StandardCharsets.UTF_8);
      entries.add(new Entry(name, madeBy == MADE_ON_UNIX ? (external >>> 16) & 07777 : 0));
      at += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  }

  /** Returns the names of the zip's file entries (no folders). */
  static List<String> fileNames(Path zip) throws IOException {
    return entries(zip).stream().filter(entry -> !entry.isDirectory()).map(Entry::name).toList();
  }

  /** Unpacks the zip into {@code target}, giving each file the Unix mode stored for it. */
  static void extract(Path zip, Path target) throws IOException {
    List<Entry> entries = entries(zip);
    try (ZipFile file = new ZipFile(zip.toFile())) {
      for (Entry entry : entries) {
        Path destination = target.resolve(entry.name()).normalize();
        if (!destination.startsWith(target)) {
          throw new IOException("Entry outside the target folder: " + entry.name());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(destination);
          continue;
        }
        Files.createDirectories(destination.getParent());
        ZipEntry zipEntry = file.getEntry(entry.name());
        try (InputStream in = file.getInputStream(zipEntry)) {
          Files.copy(in, destination);
        }
        if (entry.unixMode() != 0) {
          Files.setPosixFilePermissions(destination, permissions(entry.unixMode()));
        }
      }
    }
  }

  /** Returns the text of one entry. */
  static String read(Path zip, String name) throws IOException {
    try (ZipFile file = new ZipFile(zip.toFile())) {
      ZipEntry entry = file.getEntry(name);
      if (entry == null) {
        throw new IOException("No entry " + name + " in " + zip);
      }
      try (InputStream in = file.getInputStream(entry)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
  }

  /**
   * Lists the entries under {@code folder} in the zip, loose ones by name and those inside a packed
   * jar as {@code JAR!ENTRY}.
   */
  static List<String> entriesUnder(Path zip, String folder) throws IOException {
    List<String> found = new ArrayList<>();
    try (ZipFile file = new ZipFile(zip.toFile())) {
      for (String name : fileNames(zip)) {
        if (name.startsWith(folder)) {
          found.add(name);
        } else if (name.endsWith(".jar")) {
          try (ZipInputStream jar = new ZipInputStream(file.getInputStream(file.getEntry(name)))) {
            for (ZipEntry entry = jar.getNextEntry(); entry != null; entry = jar.getNextEntry()) {
              if (entry.getName().startsWith(folder)) {
                found.add(name + "!" + entry.getName());
              }
            }
          }
        }
      }
    }
    return found;
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = {
      PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_READ,
      PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
          PosixFilePermission.OWNER_READ
    };
    for (int bit = 0; bit < order.length; bit++) {
      if ((mode & (1 << bit)) != 0) {
        permissions.add(order[bit]);
      }
    }
    return permissions;
  }
}
