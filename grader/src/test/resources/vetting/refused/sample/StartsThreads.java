package sample;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;

public class StartsThreads {
  public void spawn() {
    Thread worker = new Thread(() -> {}); // refused: threads
    worker.setDaemon(true); // refused: threads
    worker.start(); // refused: threads
  }

  public void pool() {
    ExecutorService pool = Executors.newFixedThreadPool(2); // refused: threads
    pool.shutdown();
  }

  public void async() {
    CompletableFuture.runAsync(() -> {}); // refused: threads
    ForkJoinPool.commonPool(); // refused: threads
    new java.util.Timer(); // refused: threads
  }

  public void others() {
    new ThreadGroup("mine"); // refused: threads
    Thread.getAllStackTraces(); // refused: threads
  }

  static class Worker extends Thread { // refused: threads
  }

  @Override @SuppressWarnings({"deprecation", "removal"}) protected void finalize() {} // refused: threads

  public Object later(java.nio.file.Path path) throws Exception {
    java.util.concurrent.CompletableFuture<String> never = new java.util.concurrent.CompletableFuture<>();
    never.orTimeout(1, java.util.concurrent.TimeUnit.SECONDS).thenRun(() -> {}); // refused: threads
    Object publisher = new java.util.concurrent.SubmissionPublisher<String>(); // refused: threads
    return publisher + "" + java.nio.channels.AsynchronousFileChannel.open(path); // refused: threads
  }
}
