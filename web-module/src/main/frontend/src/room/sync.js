// The collaboration protocol on the client (docs/collaboration.md): one update at a time into
// receiveUpdates, at most one push in flight, the reconnect rule (pull from the synced version
// before pushing anything), and a resync that keeps local edits by rebasing them on the new text.
import { ChangeSet, Text } from "@codemirror/state";
import { receiveUpdates, sendableUpdates, getSyncedVersion, getClientID } from "@codemirror/collab";
import { diff } from "@codemirror/merge";
import { UpdateTrail, syncedRanges, localRanges } from "./trail.js";

const PUSH_TIMEOUT = 10_000;
/** Server errors after which the refused local edits can never be accepted. */
const REFUSING = new Set(["forbidden", "locked", "invalid-changes", "too-large", "doc-too-large", "too-many-updates"]);
/** Server errors after which the same push may simply be sent again later. */
const TRANSIENT = new Set(["rate-limited", "unavailable"]);

export class Sync {
  constructor({ editor, send, reconnect, onChange, onRefused }) {
    Object.assign(this, { editor, send, reconnect, onChange, onRefused });
    this.ready = false;
    this.connected = false;
    this.awaitingHello = true;
    this.catchUpTo = null;
    this.inFlight = 0;
    this.sentCount = 0;
    this.syncedDoc = null;
    this.forceResync = false;
    this.pushTimer = null;
    this.maxUpdatesPerPush = 100;
    this.trail = new UpdateTrail();
  }

  get view() {
    return this.editor.view;
  }

  get version() {
    return getSyncedVersion(this.view.state);
  }

  get clientID() {
    return getClientID(this.view.state);
  }

  /** Whether the editor is in step with the server: hello taken, caught up after a reconnect. */
  get inStep() {
    return this.ready && this.connected && !this.awaitingHello && this.catchUpTo === null;
  }

  /** Local edits the server has not confirmed yet. */
  get unsent() {
    return this.ready ? sendableUpdates(this.view.state).length : 0;
  }

  opened() {
    this.connected = true;
    this.awaitingHello = true;
  }

  closed() {
    this.connected = false;
    this.pulledAt = null;
    this.awaitingHello = true;
    this.catchUpTo = null;
    this.clearInFlight();
  }

  hello(message) {
    this.maxUpdatesPerPush = message.limits?.maxUpdatesPerPush ?? this.maxUpdatesPerPush;
    if (!this.ready) {
      this.syncedDoc = Text.of(message.doc.split("\n"));
      this.editor.replaceState(message.doc, message.version, newClientID());
      this.trail.reset(message.version);
      this.ready = true;
      this.awaitingHello = false;
      this.changed();
      return;
    }
    if (this.awaitingHello && !this.forceResync && message.version >= this.version) {
      // Reconnect rule: whatever we pushed before the line dropped may be in the history since
      // our version; pull it (it comes back as a confirmation) before pushing anything.
      this.awaitingHello = false;
      if (message.version > this.version) {
        this.catchUpTo = message.version;
        this.send({ type: "pull", version: this.version });
      }
      this.changed();
      this.flush();
      return;
    }
    this.awaitingHello = false;
    this.forceResync = false;
    this.resync(message);
  }

  updates(message) {
    if (!this.ready || this.awaitingHello) return;
    const version = this.version;
    if (message.from > version) {
      // A gap: ask for what is missing, once until something arrives.
      if (this.pulledAt !== version) this.send({ type: "pull", version });
      this.pulledAt = version;
      return;
    }
    this.pulledAt = null;
    const fresh = message.updates.slice(version - message.from);
    for (const raw of fresh) {
      if (!this.receive(raw)) return;
    }
    if (this.catchUpTo !== null && this.version >= this.catchUpTo) this.catchUpTo = null;
    this.changed();
    this.flush();
  }

  receive(raw) {
    let update;
    try {
      update = { changes: ChangeSet.fromJSON(raw.changes), clientID: raw.clientID };
      update.changes.apply(this.syncedDoc);
    } catch {
      // Our copy no longer fits the server's: start again from its text, keeping local edits.
      this.forceResync = true;
      this.reconnect();
      return false;
    }
    const before = sendableUpdates(this.view.state).length;
    this.trail.record(this.version, update.changes);
    this.view.dispatch(receiveUpdates(this.view.state, [update]));
    this.syncedDoc = update.changes.apply(this.syncedDoc);
    if (sendableUpdates(this.view.state).length < before) {
      this.sentCount = Math.max(0, this.sentCount - 1);
      this.inFlight = Math.max(0, this.inFlight - 1);
      if (this.inFlight === 0) this.clearInFlight();
    }
    return true;
  }

  /** The cursor message for the selection: positions in the synced text, with its version. */
  cursorMessage() {
    return { type: "cursor", version: this.version, ranges: syncedRanges(this.view.state) };
  }

  /**
   * Someone's cursor ranges as ranges of the editor's text, or undefined while the version they
   * refer to has not arrived here.
   */
  placeCursor(version, ranges) {
    return localRanges(this.view.state, this.trail, this.version, version, ranges);
  }

  /** Pushes unconfirmed edits when the line is up, caught up, and no push is in flight. */
  flush() {
    if (!this.ready || !this.connected || this.awaitingHello || this.catchUpTo !== null) return;
    if (this.inFlight > 0) return;
    const pending = sendableUpdates(this.view.state).slice(0, this.maxUpdatesPerPush);
    if (!pending.length) return;
    const sent = this.send({
      type: "push",
      version: this.version,
      updates: pending.map((u) => ({ clientID: u.clientID, changes: u.changes.toJSON() })),
    });
    if (!sent) return;
    this.inFlight = pending.length;
    this.sentCount = Math.max(this.sentCount, pending.length);
    this.pushTimer = setTimeout(() => {
      this.clearInFlight();
      this.flush();
    }, PUSH_TIMEOUT);
  }

  error(code) {
    if (code === "client-id-taken") {
      // The server still holds our previous connection; carry on under a new id.
      this.clearInFlight();
      this.rebuild(null, newClientID());
      this.flush();
    } else if (code === "bad-version") {
      this.forceResync = true;
      this.reconnect();
    } else if (REFUSING.has(code) && this.inFlight > 0) {
      this.clearInFlight();
      const lost = this.unsent;
      this.rebuild([], this.clientID);
      this.onRefused?.(code, lost);
    } else if (TRANSIENT.has(code) && this.inFlight > 0) {
      clearTimeout(this.pushTimer);
      this.pushTimer = setTimeout(() => {
        this.clearInFlight();
        this.flush();
      }, 2000);
    }
    this.changed();
  }

  /**
   * The server sent its text afresh. Local edits are rebased on it: over the difference between
   * the text they were made on and the new one. Edits already pushed may be in the new text;
   * whichever base is closer to it tells whether they are.
   */
  resync(message) {
    const local = sendableUpdates(this.view.state).map((u) => u.changes);
    const incoming = message.doc;
    let base = this.syncedDoc;
    let mine = local;
    if (this.sentCount > 0) {
      const afterSent = local.slice(0, this.sentCount).reduce((doc, ch) => ch.apply(doc), base);
      if (distance(afterSent.toString(), incoming) < distance(base.toString(), incoming)) {
        base = afterSent;
        mine = local.slice(this.sentCount);
      }
    }
    let rebased = null;
    if (mine.length) {
      const composed = mine.reduce((all, ch) => all.compose(ch));
      rebased = composed.map(changesBetween(base.toString(), incoming));
    }
    const head = this.view.state.selection.main.head;
    this.syncedDoc = Text.of(incoming.split("\n"));
    this.sentCount = 0;
    this.clearInFlight();
    this.editor.replaceState(incoming, message.version, this.clientID, {
      anchor: Math.min(head, incoming.length),
    });
    this.trail.reset(message.version);
    if (rebased && !rebased.empty) {
      this.view.dispatch({ changes: rebased, userEvent: "input.rebase" });
    }
    this.changed();
    this.flush();
  }

  /** A new state at the synced version, with the given local changes (all when null) on top. */
  rebuild(keep, clientID) {
    const local = keep ?? sendableUpdates(this.view.state).map((u) => u.changes);
    const head = this.view.state.selection.main.head;
    const doc = this.syncedDoc.toString();
    this.sentCount = 0;
    this.editor.replaceState(doc, this.version, clientID, { anchor: Math.min(head, doc.length) });
    if (local.length) {
      this.view.dispatch({ changes: local.reduce((all, ch) => all.compose(ch)), userEvent: "input.rebase" });
    }
  }

  clearInFlight() {
    clearTimeout(this.pushTimer);
    this.pushTimer = null;
    this.inFlight = 0;
  }

  changed() {
    this.onChange?.();
  }
}

function newClientID() {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return Array.from(bytes, (b) => b.toString(36).padStart(2, "0")).join("").slice(0, 16);
}

/** The changes that turn text a into text b. */
export function changesBetween(a, b) {
  return ChangeSet.of(
    diff(a, b).map((c) => ({ from: c.fromA, to: c.toA, insert: b.slice(c.fromB, c.toB) })),
    a.length,
  );
}

function distance(a, b) {
  return diff(a, b).reduce((n, c) => n + (c.toA - c.fromA) + (c.toB - c.fromB), 0);
}
