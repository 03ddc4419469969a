package dev.awskit.grader.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Proves that a worker's input keeps its lines in order without making the grader wait. */
@Timeout(10) // An input that made its caller wait would hold the test up here.
class WorkerInputTest {

  /** Holds every write until the worker "starts reading", as a full pipe does. */
  private static final class PipeOfAStartingWorker extends OutputStream {
    final CountDownLatch reading = new CountDownLatch(1);
    final CountDownLatch firstWriteBegun = new CountDownLatch(1);
    final CountDownLatch closed = new CountDownLatch(1);
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      firstWriteBegun.countDown();
      try {
        reading.await();
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted");
      }
      synchronized (written) {
        written.write(bytes, offset, length);
      }
    }

    @Override
    public void close() {
      closed.countDown();
    }

    String text() {
      synchronized (written) {
        return written.toString(StandardCharsets.UTF_8);
      }
    }
  }

  @Test
  @DisplayName("a line given while the opening is held up returns at once and goes out after it")
  void linesQueueBehindTheOpening() throws Exception {
    // given
    PipeOfAStartingWorker pipe = new PipeOfAStartingWorker();
    WorkerInput input = WorkerInput.open(pipe, List.of("nonce", "classes {}"), "test-input");
    assertThat(pipe.firstWriteBegun.await(10, TimeUnit.SECONDS)).isTrue();

    // when
    input.write("job 1");
    input.write("sync 2");
    String beforeTheWorkerReads = pipe.text();
    pipe.reading.countDown();
    input.close();

    // then
    assertThat(pipe.closed.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(beforeTheWorkerReads).isEmpty();
    assertThat(pipe.text()).isEqualTo("nonce\nclasses {}\njob 1\nsync 2\n");
  }

  @Test
  @DisplayName("closing while the opening is held up waits for neither the worker nor the opener")
  void closingNeverWaitsForTheWorker() throws Exception {
    // given
    PipeOfAStartingWorker pipe = new PipeOfAStartingWorker();
    WorkerInput input = WorkerInput.open(pipe, List.of("nonce"), "test-input");
    assertThat(pipe.firstWriteBegun.await(10, TimeUnit.SECONDS)).isTrue();

    // when
    input.write("job 1");
    input.close();
    input.write("job 2");
    long stillOpen = pipe.closed.getCount();
    pipe.reading.countDown();

    // then
    assertThat(stillOpen).isEqualTo(1);
    assertThat(pipe.closed.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(pipe.text()).isEqualTo("nonce\njob 1\n");
  }

  @Test
  @DisplayName("lines given as the opening ends keep their order, and none goes out after closing")
  void linesAroundTheOpeningsEndKeepTheirOrder() throws Exception {
    // given
    PipeOfAStartingWorker pipe = new PipeOfAStartingWorker();
    pipe.reading.countDown();
    WorkerInput input = WorkerInput.open(pipe, List.of("nonce"), "test-input");
    input.write("job 1");

    // when
    input.close();
    input.write("job 2");

    // then
    assertThat(pipe.closed.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(pipe.text()).isEqualTo("nonce\njob 1\n");
  }
}
