package org.codeshare.collab.entity;

import java.util.ArrayList;
import java.util.List;

/** CodeMirror's {@code rebaseUpdates} from {@code @codemirror/collab}, for the authority. */
public final class Rebase {

  private Rebase() {}

  /**
   * Makes updates pushed against an old version apply to the current one. {@code over} holds the
   * updates accepted since that version. Pushed updates that were already accepted are dropped:
   * like CodeMirror, each accepted update whose client ID equals that of the next pushed update is
   * taken to be that update, so a client must push all its unconfirmed updates, oldest first.
   */
  public static List<Update> rebaseUpdates(List<Update> updates, List<Update> over) {
    if (over.isEmpty() || updates.isEmpty()) {
      return List.copyOf(updates);
    }
    ChangeDesc changes = null;
    int skip = 0;
    for (Update update : over) {
      Update other = skip < updates.size() ? updates.get(skip) : null;
      if (other != null && other.clientId().equals(update.clientId())) {
        if (changes != null) {
          changes = changes.mapDesc(other.changes(), true);
        }
        skip++;
      } else {
        changes = changes == null ? update.changes() : changes.composeDesc(update.changes());
      }
    }
    List<Update> remaining = updates.subList(skip, updates.size());
    if (changes == null) {
      return List.copyOf(remaining);
    }
    List<Update> rebased = new ArrayList<>(remaining.size());
    for (Update update : remaining) {
      ChangeSet updateChanges = update.changes().map(changes);
      changes = changes.mapDesc(update.changes(), true);
      rebased.add(new Update(update.clientId(), updateChanges));
    }
    return List.copyOf(rebased);
  }
}
