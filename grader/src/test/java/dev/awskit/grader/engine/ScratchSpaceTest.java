package dev.awskit.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves how the grader chooses where to write the folders of a grade. */
class ScratchSpaceTest {

  @TempDir Path systemTemp;
  @TempDir Path memory;

  @Test
  @DisplayName("the folder the user set wins over a memory file system")
  void theConfiguredFolderWins() {
    // given
    Path configured = systemTemp.resolve("mine");

    // when
    ScratchSpace chosen =
        ScratchSpace.choose(configured.toString(), systemTemp, memory, folder -> true);

    // then
    assertThat(chosen.root()).isEqualTo(configured);
  }

  @Test
  @DisplayName("a roomy memory file system is chosen when the temporary folder is on disk")
  void memoryIsChosenOverADisk() {
    // when
    ScratchSpace chosen =
        ScratchSpace.choose(null, systemTemp, memory, folder -> folder.equals(memory));

    // then
    assertThat(chosen.root()).isEqualTo(memory);
  }

  @Test
  @DisplayName("the temporary folder is kept when it is in memory already or memory is short")
  void theTemporaryFolderIsKeptOtherwise() {
    // when
    ScratchSpace alreadyInMemory = ScratchSpace.choose("", systemTemp, memory, folder -> true);
    ScratchSpace noRoomInMemory = ScratchSpace.choose(null, systemTemp, memory, folder -> false);

    // then
    assertThat(alreadyInMemory.root()).isEqualTo(systemTemp);
    assertThat(noRoomInMemory.root()).isEqualTo(systemTemp);
  }

  @Test
  @DisplayName("a new folder is made inside the scratch folder, which is created when missing")
  void newFoldersGoInsideTheScratchFolder() throws Exception {
    // given
    ScratchSpace scratch = new ScratchSpace(systemTemp.resolve("not/yet"));

    // when
    Path folder = scratch.newFolder("awskit-grade-");

    // then
    assertThat(folder).isEmptyDirectory().hasParent(systemTemp.resolve("not/yet"));
    assertThat(folder.getFileName().toString()).startsWith("awskit-grade-");
  }

  @Test
  @DisplayName("work that grows with the class stays in scratch only while four times it fits")
  void workThatGrowsAsksForRoom() {
    // given
    ScratchSpace scratch = new ScratchSpace(memory);

    // when
    ScratchSpace small = scratch.withRoomFor(1024);
    ScratchSpace huge = scratch.withRoomFor(Long.MAX_VALUE / 2);

    // then
    assertThat(small).isEqualTo(scratch);
    assertThat(huge).isEqualTo(ScratchSpace.systemTemp());
  }
}
