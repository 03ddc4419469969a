package dev.awskit.grader.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConfinedWorkerTest {

  @Test
  void nothingTheWorkerStartedRunsOnceItsProcessesAreEnded() throws Exception {
    // given a worker at the jvm level that started processes of its own, as a submission may
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "a POSIX shell to stand in for a worker");
    ConfinedWorker confined =
        ConfinedWorker.plain(List.of("/bin/sh", "-c", "sleep 60 & sleep 60 & wait"), Map.of());
    Process worker = new ProcessBuilder(confined.command()).start();
    List<ProcessHandle> started = List.of();
    for (int look = 0; look < 200 && started.size() < 2; look++) {
      started = worker.descendants().toList();
      worker.waitFor(10, TimeUnit.MILLISECONDS);
    }
    assertThat(started).as("the stand-in's own processes should have started").hasSize(2);

    // when
    int others = confined.endAll(worker.toHandle(), started);

    // then
    assertThat(others).as("the processes besides the worker's own, before they were ended").isEqualTo(2);
    assertThat(started)
        .as("processes the worker started should all have ended when endAll returns")
        .noneMatch(ProcessHandle::isAlive);
    assertThat(worker.isAlive()).as("the worker should have ended").isFalse();
  }
}
