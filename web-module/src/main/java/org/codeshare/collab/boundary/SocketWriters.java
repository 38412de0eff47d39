package org.codeshare.collab.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.codeshare.collab.control.CollabSettings;

/**
 * Threads that write frames to the editor sockets ({@code codeshare.collab.writer-threads}): with
 * them a room's actor only queues a frame per socket and its fan-out overlaps its next commit. By
 * default there are none and the actor writes its frames itself: on two cores the threads cost more
 * than they overlapped (a busy room committed and sent more often, for more CPU; p95 at 300 authors
 * 378 and 1,569 ms with two threads against 72 and 81 ms without, docs/benchmarks.md).
 */
@ApplicationScoped
public class SocketWriters {

  @Inject CollabSettings settings;
  @Resource ManagedThreadFactory threads;

  private ExecutorService pool;

  @PostConstruct
  void start() {
    if (settings.writerThreads() > 0) {
      pool = Executors.newFixedThreadPool(settings.writerThreads(), threads);
    }
  }

  @PreDestroy
  void stop() {
    if (pool != null) {
      pool.shutdown();
    }
  }

  /**
   * The writer threads, or null when there are none (the caller writes). Taken once per socket:
   * through this bean's proxy every frame paid a context lookup.
   */
  Executor threads() {
    return pool;
  }
}
