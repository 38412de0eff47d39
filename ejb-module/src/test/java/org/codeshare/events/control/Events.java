package org.codeshare.events.control;

/** Outbox rows for tests outside a container: a topic of one's own, no relay to wake. */
public final class Events {

  private Events() {}

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
