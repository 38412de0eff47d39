// The client side of the collaboration protocol, without a browser: a fake editor holding a real
// CodeMirror state, and the server's messages written by hand.
import { test, afterEach } from "node:test";
import assert from "node:assert/strict";
import { EditorState, Transaction, ChangeSet } from "@codemirror/state";
import { collab, sendableUpdates } from "@codemirror/collab";
import { Sync, changesBetween } from "../src/room/sync.js";

class FakeEditor {
  constructor() {
    this.settings = { readOnly: false };
    this.view = {
      state: EditorState.create({ doc: "" }),
      dispatch(tr) {
        this.state = (tr instanceof Transaction ? tr : this.state.update(tr)).state;
      },
    };
  }

  replaceState(doc, version, clientID) {
    this.view.state = EditorState.create({ doc, extensions: [collab({ startVersion: version, clientID })] });
  }

  type(pos, text) {
    this.view.dispatch({ changes: { from: pos, insert: text } });
  }

  get text() {
    return this.view.state.doc.toString();
  }
}

// An unconfirmed push is sent again every few seconds; stop that when a test ends.
const open = [];
afterEach(() => open.splice(0).forEach((sync) => sync.closed()));

function connected(doc = "", version = 0) {
  const editor = new FakeEditor();
  const sent = [];
  const refused = [];
  let reconnects = 0;
  const sync = new Sync({
    editor,
    send: (m) => (sent.push(m), true),
    reconnect: () => reconnects++,
    onRefused: (code, lost) => refused.push({ code, lost }),
  });
  open.push(sync);
  sync.opened();
  sync.hello({ version, doc, limits: { maxUpdatesPerPush: 100 } });
  return { editor, sync, sent, refused, reconnects: () => reconnects };
}

const update = (clientID, changes) => ({ clientID, changes });

test("a local edit is pushed on the synced version and confirmed by its own update", () => {
  const { editor, sync, sent } = connected("ab", 3);
  editor.type(1, "X");
  sync.flush();
  assert.equal(sent.length, 1);
  assert.equal(sent[0].type, "push");
  assert.equal(sent[0].version, 3);
  sync.updates({ from: 3, updates: [update(sent[0].updates[0].clientID, sent[0].updates[0].changes)] });
  assert.equal(sync.version, 4);
  assert.equal(sync.unsent, 0);
  assert.equal(editor.text, "aXb");
});

test("only one push is in flight: later edits wait for the confirmation", () => {
  const { editor, sync, sent } = connected("", 0);
  editor.type(0, "a");
  sync.flush();
  editor.type(1, "b");
  sync.flush();
  assert.equal(sent.length, 1);
  const first = sent[0].updates[0];
  sync.updates({ from: 0, updates: [first] });
  assert.equal(sent.length, 2);
  assert.equal(sent[1].version, 1);
});

test("after a reconnect the client pulls before it pushes, so a committed push is not sent twice", () => {
  const { editor, sync, sent } = connected("", 0);
  editor.type(0, "hello");
  sync.flush();
  const mine = sent[0].updates[0];
  sync.closed(); // the line dropped before the confirmation came back
  editor.type(5, "!"); // typed while offline
  assert.equal(sync.unsent, 2);

  sync.opened();
  sync.hello({ version: 1, doc: "hello" });
  assert.deepEqual(sent.slice(1), [{ type: "pull", version: 0 }]);
  sync.updates({ from: 0, updates: [mine] }); // the pull brings our own update back
  assert.equal(editor.text, "hello!");
  const push = sent[2];
  assert.equal(push.type, "push");
  assert.equal(push.version, 1);
  assert.equal(push.updates.length, 1);
  assert.equal(ChangeSet.fromJSON(push.updates[0].changes).apply(EditorState.create({ doc: "hello" }).doc).toString(), "hello!");
});

test("remote updates are applied one at a time and a gap asks for the missing ones", () => {
  const { editor, sync, sent } = connected("", 0);
  sync.updates({ from: 0, updates: [update("other", [[0, "a"]])] });
  sync.updates({ from: 2, updates: [update("other", [2, [0, "c"]])] });
  assert.deepEqual(sent, [{ type: "pull", version: 1 }]);
  sync.updates({ from: 1, updates: [update("other", [1, [0, "b"]])] });
  sync.updates({ from: 2, updates: [update("other", [2, [0, "c"]])] });
  sync.updates({ from: 2, updates: [update("other", [2, [0, "c"]])] }); // a duplicate is skipped
  assert.equal(editor.text, "abc");
  assert.equal(sync.version, 3);
});

test("a resync replaces the text and rebases local edits that were never sent", () => {
  const { editor, sync } = connected("one\ntwo", 5);
  sync.closed();
  editor.type(0, ">> "); // offline: never sent
  sync.opened();
  sync.hello({ version: 2, doc: "one\ntwo\nthree" }); // behind us: the server lost history
  assert.equal(editor.text, ">> one\ntwo\nthree");
  assert.equal(sync.version, 2);
  assert.equal(sync.unsent, 1);
});

test("a resync does not repeat sent edits that the new text already has", () => {
  const { editor, sync, sent } = connected("abc", 1);
  editor.type(3, "d");
  sync.flush();
  assert.equal(sent.length, 1);
  sync.hello({ version: 9, doc: "abcd and more" }); // a fresh hello while connected
  assert.equal(editor.text, "abcd and more");
  assert.equal(sync.unsent, 0);
});

test("a push the room refuses (locked) is undone and reported", () => {
  const { editor, sync, refused } = connected("text", 2);
  editor.type(0, "x");
  sync.flush();
  sync.error("locked");
  assert.equal(editor.text, "text");
  assert.equal(sync.unsent, 0);
  assert.deepEqual(refused, [{ code: "locked", lost: 1 }]);
});

test("a client id still held by a dead connection is replaced and the edits pushed again", () => {
  const { editor, sync, sent } = connected("", 0);
  editor.type(0, "hi");
  sync.flush();
  const oldId = sent[0].updates[0].clientID;
  sync.error("client-id-taken");
  assert.equal(sent.length, 2);
  assert.notEqual(sent[1].updates[0].clientID, oldId);
  assert.equal(editor.text, "hi");
  assert.equal(sendableUpdates(editor.view.state).length, 1);
});

test("changesBetween turns one text into the other", () => {
  const a = "let x = 1;\nlet y = 2;\n";
  const b = "let x = 10;\nlet z = 2;\nlet w;\n";
  const doc = EditorState.create({ doc: a }).doc;
  assert.equal(changesBetween(a, b).apply(doc).toString(), b);
});

test("a cursor is sent in the synced text: the sender's unconfirmed edits are mapped out", () => {
  const { editor, sync } = connected("hello world", 3);
  editor.view.dispatch({ selection: { anchor: 6, head: 11 } });
  editor.type(0, ">> "); // not confirmed yet
  assert.deepEqual(editor.view.state.selection.main.head, 14);
  assert.deepEqual(sync.cursorMessage(), { type: "cursor", version: 3, ranges: [{ anchor: 6, head: 11 }] });
});

test("someone's cursor is mapped over the updates since its version and the local unconfirmed edits", () => {
  const { editor, sync } = connected("hello world", 3);
  sync.updates({ from: 3, updates: [update("other", [[0, "Oh, "], 11])] });
  editor.type(0, "* "); // ours, unconfirmed
  assert.equal(editor.text, "* Oh, hello world");
  // Their cursor after "hello" at version 3 is after "hello" here.
  assert.deepEqual(sync.placeCursor(3, [{ anchor: 5, head: 5 }]), [{ anchor: 11, head: 11 }]);
  // At version 4 only our own edit lies between.
  assert.deepEqual(sync.placeCursor(4, [{ anchor: 9, head: 9 }]), [{ anchor: 11, head: 11 }]);
  // A version not here yet: the cursor has to wait for it.
  assert.equal(sync.placeCursor(5, [{ anchor: 0, head: 0 }]), undefined);
  // No version: taken as it comes.
  assert.deepEqual(sync.placeCursor(undefined, [{ anchor: 2, head: 3 }]), [{ anchor: 2, head: 3 }]);
});

test("a cursor at the end of a line someone is still typing lands there once their words arrive", () => {
  // Ann typed "Hi" at the end of the first line; her cursor (after "Hi") comes before her update.
  const { sync } = connected("a\nb", 0);
  const early = sync.placeCursor(1, [{ anchor: 3, head: 3 }]);
  assert.equal(early, undefined);
  sync.updates({ from: 0, updates: [update("ann", [1, [0, "Hi"], 2])] });
  assert.deepEqual(sync.placeCursor(1, [{ anchor: 3, head: 3 }]), [{ anchor: 3, head: 3 }]);
});
