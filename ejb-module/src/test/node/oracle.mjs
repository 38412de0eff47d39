// Reads cross-check cases as JSON on stdin, answers with what CodeMirror computes for them on
// stdout. The Java tests (ChangeSetCrossCheckTest) send the cases and compare.
import { ChangeSet, EditorState, MapMode, Text } from "@codemirror/state";
import {
  collab,
  getSyncedVersion,
  rebaseUpdates,
  receiveUpdates,
  sendableUpdates,
} from "@codemirror/collab";

const modes = [MapMode.Simple, MapMode.TrackDel, MapMode.TrackBefore, MapMode.TrackAfter];

function text(doc) {
  return Text.of(doc.split("\n"));
}

function attempt(f) {
  try {
    return f();
  } catch (e) {
    return { error: String(e.message) };
  }
}

function op({ doc, a, b, c, positions }) {
  const setA = ChangeSet.fromJSON(a);
  const setB = ChangeSet.fromJSON(b);
  const setC = ChangeSet.fromJSON(c);
  return {
    lengths: [setA.length, setA.newLength, setA.empty, setB.empty],
    applyA: attempt(() => setA.apply(text(doc)).toString()),
    applyB: attempt(() => setB.apply(text(doc)).toString()),
    aMapB: attempt(() => setA.map(setB).toJSON()),
    aMapBBefore: attempt(() => setA.map(setB, true).toJSON()),
    bMapA: attempt(() => setB.map(setA).toJSON()),
    bMapABefore: attempt(() => setB.map(setA, true).toJSON()),
    compose: attempt(() => setA.compose(setC).toJSON()),
    composeApply: attempt(() => setA.compose(setC).apply(text(doc)).toString()),
    invertA: attempt(() => setA.invert(text(doc)).toJSON()),
    descMap: attempt(() => String(setA.desc.mapDesc(setB.desc, true))),
    descCompose: attempt(() => String(setA.desc.composeDesc(setC.desc))),
    mapPos: positions.flatMap((pos) =>
      [-1, 1].flatMap((assoc) => modes.map((mode) => attempt(() => setA.mapPos(pos, assoc, mode))))
    ),
  };
}

function updates(json) {
  return json.map((u) => ({ clientID: u.clientID, changes: ChangeSet.fromJSON(u.changes) }));
}

function rebase({ updates: pushed, over }) {
  return attempt(() =>
    rebaseUpdates(updates(pushed), updates(over)).map((u) => ({
      clientID: u.clientID,
      changes: u.changes.toJSON(),
    }))
  );
}

// An authority as in CodeMirror's collab example, with real editor states as clients.
function simulate({ doc, clients, events }) {
  const server = { doc: text(doc), updates: [] };
  const states = Array.from({ length: clients }, (_, i) =>
    EditorState.create({ doc: text(doc), extensions: [collab({ clientID: `client-${i}` })] })
  );
  for (const event of events) {
    const state = states[event.client];
    if (event.type == "edit") {
      states[event.client] = state.update({ changes: ChangeSet.fromJSON(event.changes) }).state;
    } else if (event.type == "push") {
      const version = getSyncedVersion(state);
      let pushed = sendableUpdates(state).map((u) => ({ clientID: u.clientID, changes: u.changes }));
      if (version != server.updates.length)
        pushed = rebaseUpdates(pushed, server.updates.slice(version));
      for (const update of pushed) {
        server.updates.push(update);
        server.doc = update.changes.apply(server.doc);
      }
    } else {
      const missed = server.updates.slice(getSyncedVersion(state));
      states[event.client] = receiveUpdates(state, missed).state;
    }
  }
  return {
    serverDoc: server.doc.toString(),
    history: server.updates.map((u) => ({ clientID: u.clientID, changes: u.changes.toJSON() })),
    clientDocs: states.map((s) => s.doc.toString()),
    unconfirmed: states.map((s) => sendableUpdates(s).length),
  };
}

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const input = JSON.parse(Buffer.concat(chunks).toString("utf8"));
process.stdout.write(
  JSON.stringify({
    ops: input.ops.map(op),
    rebases: input.rebases.map(rebase),
    simulations: input.simulations.map((s) => attempt(() => simulate(s))),
  })
);
