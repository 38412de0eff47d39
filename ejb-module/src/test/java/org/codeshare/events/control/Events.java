package org.codeshare.events.control;

import jakarta.persistence.EntityManager;

/** Outbox rows for tests outside a container: a topic of one's own, no relay to wake. */
public final class Events {

  private Events() {}

  /** The outbox as the container sets it up, writing with {@code em} (in its transaction). */
  public static Outbox outbox(EntityManager em) {
    var outbox = new Outbox();
    outbox.em = em;
    outbox.rows = rows("codeshare.events");
    return outbox;
  }

  public static EventRows rows(String topic) {
    var rows =
        new EventRows() {
          @Override
          public void written() {
            // no relay in a unit test
          }
        };
    rows.topic = topic;
    return rows;
  }
}
