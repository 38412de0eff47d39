// This editor's cursor sent to the room, and the others' cursors shown once this editor has the
// version they refer to; following someone keeps their cursor in view.
import { EditorView } from "@codemirror/view";
import { toast } from "../dom.js";
import { setRemoteCursor, removeRemoteCursor, remoteCursorsOf } from "./cursors.js";

export class CursorSharing {
  constructor({ editor, sync, presence, connection }) {
    this.editor = editor;
    this.sync = sync;
    this.presence = presence;
    this.connection = connection;
    /** Cursors from versions not here yet, by peer. */
    this.waiting = new Map();
    /** Whether the selection is to be sent once the local edits are confirmed. */
    this.sendWhenConfirmed = false;
    this.timer = null;
  }

  /** Someone's cursor, once this editor has the version it refers to. */
  show(m) {
    const peer = this.presence.peer(m.peer);
    if (!peer || !this.sync.ready) return;
    const ranges = this.sync.placeCursor(m.version, m.ranges);
    if (!ranges) {
      this.waiting.set(m.peer, m);
      return;
    }
    this.waiting.delete(m.peer);
    this.editor.view.dispatch({ effects: setRemoteCursor.of({ peer: m.peer, name: peer.name, color: peer.color, ranges }) });
    if (this.presence.following === m.peer && ranges[0]) this.reveal(ranges[0].head);
  }

  /** Updates arrived: the cursors that waited for them can be placed now. */
  updated() {
    for (const waiting of [...this.waiting.values()]) this.show(waiting);
  }

  left(peerId) {
    this.waiting.delete(peerId);
    if (this.sync.ready) this.editor.view.dispatch({ effects: removeRemoteCursor.of(peerId) });
  }

  /** The local edits' confirmation changed: a selection held back may go now. */
  confirmationsChanged() {
    if (this.sendWhenConfirmed && this.sync.unsent === 0) this.send();
  }

  /** The selection or the text changed here: sent at most every 80 ms. */
  schedule() {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.send();
    }, 80);
  }

  /**
   * Sends the selection once the local edits are confirmed: positions inside text not yet
   * confirmed could not be placed exactly by the others (a cursor between two new lines would land
   * after both). Meanwhile the others carry the last cursor along with the edits as they arrive.
   */
  send() {
    if (!this.sync.ready || !this.connection.open) return;
    this.sendWhenConfirmed = this.sync.unsent > 0;
    if (!this.sendWhenConfirmed) this.connection.send(this.sync.cursorMessage());
  }

  follow(id) {
    if (!id) return;
    toast(`Following ${this.presence.peer(id)?.name ?? "them"}.`);
    const cursor = remoteCursorsOf(this.editor.view.state).get(id);
    if (cursor?.ranges[0]) this.reveal(cursor.ranges[0].head);
  }

  reveal(pos) {
    const length = this.editor.view.state.doc.length;
    this.editor.view.dispatch({ effects: EditorView.scrollIntoView(Math.min(pos, length), { y: "center" }) });
  }

  stop() {
    clearTimeout(this.timer);
    this.timer = null;
  }
}
