// Other people's cursors and selections, with their name and colour. Positions are kept mapped
// through every change until the person's next cursor message replaces them.
import { StateEffect, StateField } from "@codemirror/state";
import { Decoration, EditorView, WidgetType } from "@codemirror/view";
import { textColorOn } from "../dom.js";

/** {peer, name, color, ranges: [{anchor, head}]} */
export const setRemoteCursor = StateEffect.define();
/** a peer id */
export const removeRemoteCursor = StateEffect.define();

class CursorWidget extends WidgetType {
  constructor(name, color) {
    super();
    this.name = name;
    this.color = color;
  }

  eq(other) {
    return other.name === this.name && other.color === this.color;
  }

  toDOM() {
    const caret = document.createElement("span");
    caret.className = "cm-remote-cursor";
    caret.style.borderLeftColor = this.color;
    const label = document.createElement("span");
    label.className = "cm-remote-label";
    label.textContent = this.name;
    label.style.backgroundColor = this.color;
    label.style.color = textColorOn(this.color);
    caret.append(label);
    caret.setAttribute("aria-hidden", "true");
    return caret;
  }

  ignoreEvent() {
    return true;
  }
}

const cursorField = StateField.define({
  create: () => new Map(),
  update(cursors, tr) {
    let next = cursors;
    if (tr.docChanged && cursors.size) {
      next = new Map();
      for (const [peer, c] of cursors) {
        next.set(peer, {
          ...c,
          ranges: c.ranges.map((r) => ({
            anchor: tr.changes.mapPos(r.anchor, 1),
            head: tr.changes.mapPos(r.head, 1),
          })),
        });
      }
    }
    for (const effect of tr.effects) {
      if (effect.is(setRemoteCursor)) {
        if (next === cursors) next = new Map(cursors);
        const length = tr.state.doc.length;
        const clamp = (n) => Math.max(0, Math.min(length, Number(n) || 0));
        next.set(effect.value.peer, {
          name: effect.value.name,
          color: effect.value.color,
          ranges: effect.value.ranges.slice(0, 20).map((r) => ({
            anchor: clamp(r.anchor),
            head: clamp(r.head),
          })),
        });
      } else if (effect.is(removeRemoteCursor) && next.has(effect.value)) {
        if (next === cursors) next = new Map(cursors);
        next.delete(effect.value);
      }
    }
    return next;
  },
  provide: (field) =>
    EditorView.decorations.from(field, (cursors) => {
      const decorations = [];
      for (const { name, color, ranges } of cursors.values()) {
        for (const { anchor, head } of ranges) {
          const from = Math.min(anchor, head);
          const to = Math.max(anchor, head);
          if (from < to) {
            decorations.push(
              Decoration.mark({
                class: "cm-remote-selection",
                attributes: { style: `background-color: ${color}40` },
              }).range(from, to),
            );
          }
          decorations.push(
            Decoration.widget({ widget: new CursorWidget(name, color), side: 1 }).range(head),
          );
        }
      }
      return Decoration.set(decorations, true);
    }),
});

export function remoteCursors() {
  return cursorField;
}

export function remoteCursorsOf(state) {
  return state.field(cursorField, false) ?? new Map();
}
