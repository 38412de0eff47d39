package org.codeshare.collab.control;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Runs its tasks one at a time, in submission order, on threads borrowed from a shared pool. */
final class Mailbox implements Executor {

  private static final Logger LOG = Logger.getLogger(Mailbox.class.getName());
  private static final int BATCH = 64;

  private final Executor pool;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean running = new AtomicBoolean();

  Mailbox(Executor pool) {
    this.pool = pool;
  }

  @Override
  public void execute(Runnable task) {
    tasks.add(task);
    schedule();
  }

  private void schedule() {
    if (running.compareAndSet(false, true)) {
      pool.execute(this::drain);
    }
  }

  private void drain() {
    try {
      Runnable task;
      // A batch at a time, so one busy room cannot hold a pool thread forever.
      for (int i = 0; i < BATCH && (task = tasks.poll()) != null; i++) {
        try {
          task.run();
        } catch (RuntimeException | Error e) {
          LOG.log(Level.SEVERE, "room task failed", e);
        }
      }
    } finally {
      running.set(false);
      if (!tasks.isEmpty()) {
        schedule();
      }
    }
  }
}
