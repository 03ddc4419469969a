package dev.awskit.grader.defendant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks that what a test hands a defendant running as a uid of its own becomes that uid's, and
 * that nothing a link in the shared folder points to does. Changing owners needs root, as the
 * grader has where it gives defendants uids of their own; elsewhere the tests are skipped.
 */
class SharedFoldersTest {

  @TempDir Path sandbox;

  private Path shared;
  private UserPrincipal defendant;
  private UserPrincipal judge;

  @BeforeEach
  void shareAFolderWithAnotherUid() throws IOException {
    if ("true".equals(System.getenv("CI"))) {
      assertThat(System.getProperty("user.name")).as("the user CI runs as").isEqualTo("root");
    }
    assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "changing a file's owner needs root, as a grader that gives uids has");
    UserPrincipalLookupService users = sandbox.getFileSystem().getUserPrincipalLookupService();
    defendant = users.lookupPrincipalByName("nobody");
    shared = Files.createDirectory(sandbox.resolve("tmp"));
    Files.setOwner(shared, defendant);
    judge = Files.getOwner(sandbox);
  }

  @Test
  void aFileATestHandsOverBecomesTheDefendants() throws IOException {
    // given a test's folder and file, made by the judge
    Path folder = Files.createDirectories(shared.resolve("junit1").resolve("downloads"));
    Path file = Files.writeString(folder.resolve("existing.txt"), "old content");

    // when the test passes the file's path to the submission
    SharedFolders.handOver(shared, file);

    // then the defendant may overwrite it, and write in its folders
    assertThat(Files.getOwner(file)).as("owner of the file handed over").isEqualTo(defendant);
    assertThat(Files.getOwner(folder)).as("owner of its folder").isEqualTo(defendant);
    assertThat(Files.getOwner(folder.getParent())).as("owner of the test's folder").isEqualTo(defendant);
  }

  @Test
  void aFolderHandedOverGivesEverythingUnderItButNotWhereALinkPoints() throws IOException {
    // given a folder with a file, a sub-folder, and a link to a file of the judge's
    Path outside = Files.writeString(sandbox.resolve("judges-file.txt"), "not the defendant's");
    Path folder = Files.createDirectories(shared.resolve("junit2").resolve("inner"));
    Path file = Files.writeString(folder.resolve("data.bin"), "data");
    Path link = Files.createSymbolicLink(shared.resolve("junit2").resolve("link"), outside);

    // when the test passes the folder
    SharedFolders.handOver(shared, shared.resolve("junit2"));

    // then what is in it is the defendant's, and the file the link points to is still the judge's
    assertThat(Files.getOwner(file)).as("owner of a file under the folder").isEqualTo(defendant);
    assertThat(Files.getOwner(folder)).as("owner of a sub-folder").isEqualTo(defendant);
    assertThat(Files.getOwner(outside)).as("owner of the file a link points to").isEqualTo(judge);
    assertThat(Files.isSymbolicLink(link)).isTrue();
  }

  @Test
  void aPathThroughALinkHandsOverNothing() throws IOException {
    // given a link in the shared folder to a folder of the judge's
    Path judgesFolder = Files.createDirectory(sandbox.resolve("judges-folder"));
    Path judgesFile = Files.writeString(judgesFolder.resolve("secret.txt"), "secret");
    Files.createSymbolicLink(shared.resolve("junit3"), judgesFolder);

    // when a path through that link crosses
    SharedFolders.handOver(shared, shared.resolve("junit3").resolve("secret.txt"));

    // then nothing behind the link changed owner
    assertThat(Files.getOwner(judgesFile, LinkOption.NOFOLLOW_LINKS)).isEqualTo(judge);
    assertThat(Files.getOwner(judgesFolder, LinkOption.NOFOLLOW_LINKS)).isEqualTo(judge);
  }

  @Test
  void aPathOutsideTheSharedFolderHandsOverNothing() throws IOException {
    // given a file of the judge's beside the shared folder
    Path beside = Files.writeString(sandbox.resolve("beside.txt"), "the judge's");

    // when its path crosses
    SharedFolders.handOver(shared, beside);

    // then it stays the judge's
    assertThat(Files.getOwner(beside)).isEqualTo(judge);
  }
}
