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
 *
 * <p>A push far behind meets thousands of updates, most of them single replacements away from its
 * own: such a step only lengthens or shortens the text kept before or after a change ({@link
 * ChangeAlgebra}), so it is counted, not built, and each change set is built once at the end.
 */
public final class StepwiseRebase {

  private StepwiseRebase() {}

  /**
   * {@code updates}, made on the version before {@code over}, moved to after it. Each update of
   * {@code over} from the client of the next pushed update is taken to be that update, already
   * accepted, and drops it: a client pushes all its unconfirmed updates, oldest first.
   */
  public static List<Update> rebase(List<Update> updates, List<Update> over) {
    var pending = new ArrayList<Moving>(updates.size());
    for (var update : updates) {
      pending.add(new Moving(update.clientId(), update.changes()));
    }
    var accepted = new Moving(null, null);
    for (var next : over) {
      if (pending.isEmpty()) {
        break;
      }
      if (pending.get(0).clientId.equals(next.clientId())) {
        pending.remove(0);
        continue;
      }
      accepted.reset(next.changes());
      for (int i = 0; i < pending.size(); i++) {
        // the accepted update is moved over this one only when another follows it
        pending.get(i).mapOver(accepted, i + 1 < pending.size());
      }
    }
    var result = new ArrayList<Update>(pending.size());
    for (var moving : pending) {
      result.add(new Update(moving.clientId, moving.changes()));
    }
    return List.copyOf(result);
  }

  /**
   * A change set on its way through the history: the set last built, and how much longer the text
   * kept before and after its one replacement has become since.
   */
  private static final class Moving {

    final String clientId;
    private ChangeSet base;
    private int before;
    private int after;

    Moving(String clientId, ChangeSet base) {
      this.clientId = clientId;
      this.base = base;
    }

    void reset(ChangeSet changes) {
      base = changes;
      before = 0;
      after = 0;
    }

    /**
     * This change moved over {@code other} (which happened first), and {@code other} over this one
     * when {@code both}, as {@code map} and {@code mapDesc(…, true)} do.
     */
    void mapOver(Moving other, boolean both) {
      if (base.singleFrom >= 0 && other.base.singleFrom >= 0) {
        int from = base.singleFrom + before;
        int to = from + base.singleDeleted();
        int otherFrom = other.base.singleFrom + other.before;
        int otherTo = otherFrom + other.base.singleDeleted();
        if (otherTo < from) {
          before += other.base.grown();
          other.after += both ? base.grown() : 0;
          return;
        }
        if (otherFrom > to) {
          after += other.base.grown();
          other.before += both ? base.grown() : 0;
          return;
        }
      }
      var changes = changes();
      var otherChanges = other.changes();
      reset(changes.map(otherChanges));
      if (both) {
        other.reset(otherChanges.mapDesc(changes, true));
      }
    }

    ChangeSet changes() {
      if (before != 0 || after != 0) {
        base = base.stretched(before, after);
        before = 0;
        after = 0;
      }
      return base;
    }
  }
}
