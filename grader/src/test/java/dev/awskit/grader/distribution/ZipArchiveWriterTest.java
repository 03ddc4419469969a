package dev.awskit.grader.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipArchiveWriterTest {

  @TempDir Path temp;

  @Test
  void storesEachEntryWithItsUnixMode() throws IOException {
    // given
    Path zip = temp.resolve("nested/folder/out.zip");
    Path source = Files.writeString(temp.resolve("source.txt"), "copied");

    // when
    WrittenArchive written;
    try (ZipArchiveWriter writer = ZipArchiveWriter.create(zip)) {
      writer.addBytes("kit/run.sh", "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8), true);
      writer.addFile("kit/docs/source.txt", source, false);
      written = writer.complete();
    }

    // then
    assertThat(written.entries()).containsExactly("kit/run.sh", "kit/docs/source.txt");
    assertThat(ZipListing.entries(zip))
        .filteredOn(entry -> !entry.isDirectory())
        .extracting(ZipListing.Entry::name, ZipListing.Entry::unixMode)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("kit/run.sh", 0755),
            org.assertj.core.groups.Tuple.tuple("kit/docs/source.txt", 0644));
    assertThat(ZipListing.read(zip, "kit/docs/source.txt")).isEqualTo("copied");
    assertThat(zip.resolveSibling("out.zip.partial")).doesNotExist();
  }

  @Test
  void leavesNoHalfWrittenZipAndKeepsTheOldOneWhenNotCompleted() throws IOException {
    // given
    Path zip = Files.writeString(temp.resolve("out.zip"), "the previous zip");

    // when
    try (ZipArchiveWriter writer = ZipArchiveWriter.create(zip)) {
      writer.addBytes("a.txt", new byte[] {1}, false);
    }

    // then
    assertThat(zip).hasContent("the previous zip");
    assertThat(temp.resolve("out.zip.partial")).doesNotExist();
  }

  @Test
  void refusesNamesThatLeaveTheZipOrRepeat() throws IOException {
    try (ZipArchiveWriter writer = ZipArchiveWriter.create(temp.resolve("out.zip"))) {
      writer.addBytes("a.txt", new byte[0], false);
      assertThatThrownBy(() -> writer.addBytes("../evil.txt", new byte[0], false))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> writer.addBytes("/absolute.txt", new byte[0], false))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> writer.addBytes("a.txt", new byte[0], false))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("twice");
    }
  }

  @Test
  void refusesAFolderAsTheZipFile() {
    assertThatThrownBy(() -> ZipArchiveWriter.create(temp))
        .isInstanceOf(DistributionException.class)
        .hasMessageContaining("is a folder");
  }
}
