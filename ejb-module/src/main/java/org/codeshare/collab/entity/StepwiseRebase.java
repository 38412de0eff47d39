package org.codeshare.collab.entity;

import java.util.ArrayList;
import java.util.List;

/**
 * Rebases a push over the updates it missed one update at a time, exactly as a client moves its
 * unconfirmed updates over each update it receives. CodeMirror's {@link Rebase#rebaseUpdates}
 * composes the missed updates first; mapping over a composition can place an insert differently
 * from mapping over the parts (a delete and an insert at one spot become one replacement), and then
 * the server's copy of a rebased update differs from the client's and the client diverges. Mapping
 * step by step makes the server do what the client does, whatever the batching.
 */
public final class StepwiseRebase {

  private StepwiseRebase() {}

  /**
   * {@code updates}, made on the version before {@code over}, moved to after it. Each update of
   * {@code over} from the client of the next pushed update is taken to be that update, already
   * accepted, and drops it: a client pushes all its unconfirmed updates, oldest first.
   */
  public static List<Update> rebase(List<Update> updates, List<Update> over) {
    var pending = new ArrayList<>(updates);
    for (var accepted : over) {
      if (pending.isEmpty()) {
        break;
      }
      if (pending.get(0).clientId().equals(accepted.clientId())) {
        pending.remove(0);
        continue;
      }
      ChangeDesc changes = accepted.changes();
      for (int i = 0; i < pending.size(); i++) {
        var update = pending.get(i);
        var mapped = update.changes().map(changes);
        changes = changes.mapDesc(update.changes(), true);
        pending.set(i, new Update(update.clientId(), mapped));
      }
    }
    return List.copyOf(pending);
  }
}
