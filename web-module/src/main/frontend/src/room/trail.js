// Cursor positions between people whose texts differ for a moment. A cursor message names the
// version its positions refer to: the sender maps its own unconfirmed edits out of them first.
// The receiver maps them over the updates it took since that version, then over its own
// unconfirmed edits; a cursor from a version not here yet waits for it.
import { sendableUpdates } from "@codemirror/collab";

/** How many of the latest updates are kept to map cursors over. */
const KEPT = 500;

/** The latest updates of the synced text, each with the version it started from. */
export class UpdateTrail {
  constructor(version = 0) {
    this.reset(version);
  }

  reset(version) {
    this.from = version;
    this.changes = [];
  }

  /** The update that took the synced text from `version` to the next version. */
  record(version, changes) {
    if (this.from + this.changes.length !== version) this.reset(version);
    this.changes.push(changes);
    if (this.changes.length > KEPT) {
      this.changes.shift();
      this.from++;
    }
  }

  /** The updates from `version` to the latest, or null when they are no longer all here. */
  since(version) {
    return version < this.from ? null : this.changes.slice(version - this.from);
  }
}

/** The selection of `state` as ranges of its synced text (its unconfirmed edits mapped out). */
export function syncedRanges(state) {
  const inverted = sendableUpdates(state).map((u) => u.changes.invertedDesc).reverse();
  const back = (pos) => inverted.reduce((p, desc) => desc.mapPos(p, -1), pos);
  return state.selection.ranges.map((r) => ({ anchor: back(r.anchor), head: back(r.head) }));
}

/**
 * Ranges of the synced text at `version` as ranges of `state`, whose synced version is `current`:
 * undefined while `version` is ahead of it. Ranges without a version, or from before the trail,
 * are taken as they are.
 */
export function localRanges(state, trail, current, version, ranges) {
  if (version === undefined || version === null) return ranges;
  if (version > current) return undefined;
  const missed = trail.since(version);
  if (!missed) return ranges;
  const steps = [...missed, ...sendableUpdates(state).map((u) => u.changes)];
  const forward = (pos) => steps.reduce((p, changes) => changes.mapPos(Math.min(p, changes.length), 1), pos);
  return ranges.map((r) => ({ anchor: forward(r.anchor), head: forward(r.head) }));
}
