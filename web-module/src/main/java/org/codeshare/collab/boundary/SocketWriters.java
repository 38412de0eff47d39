package org.codeshare.collab.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.codeshare.collab.control.CollabSettings;

/**
 * The threads that write frames to the editor sockets ({@code codeshare.collab.writer-threads}). A
 * room's actor only queues a frame per socket; writing it (framing and the system call) happens
 * here, so a busy room's fan-out overlaps its next commit instead of delaying it.
 */
@ApplicationScoped
public class SocketWriters {

  @Inject CollabSettings settings;
  @Resource ManagedThreadFactory threads;

  private ExecutorService pool;

  @PostConstruct
  void start() {
    pool = Executors.newFixedThreadPool(settings.writerThreads(), threads);
  }

  @PreDestroy
  void stop() {
    pool.shutdown();
  }

  /** Runs {@code writing} on a writer thread; false when the node is shutting down. */
  boolean execute(Runnable writing) {
    try {
      pool.execute(writing);
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }
}
