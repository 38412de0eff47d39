// The CodeMirror 6 editor of a room: its extensions, and the settings that can change while it is
// open (language, theme, read-only) in compartments, so a rebuilt state keeps them.
import { EditorState, Compartment } from "@codemirror/state";
import {
  EditorView, keymap, lineNumbers, highlightActiveLineGutter, highlightSpecialChars, drawSelection,
  dropCursor, rectangularSelection, crosshairCursor, highlightActiveLine, placeholder,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import {
  indentOnInput, syntaxHighlighting, defaultHighlightStyle, bracketMatching, foldGutter, foldKeymap,
} from "@codemirror/language";
import { searchKeymap, highlightSelectionMatches, search } from "@codemirror/search";
import { closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
import { collab } from "@codemirror/collab";
import { oneDark } from "@codemirror/theme-one-dark";
import { remoteCursors } from "./cursors.js";

const lightTheme = EditorView.theme({
  "&": { backgroundColor: "var(--editor-bg)", color: "var(--text)" },
  ".cm-gutters": { backgroundColor: "var(--panel)", color: "var(--muted)", borderRight: "1px solid var(--border)" },
  ".cm-activeLine": { backgroundColor: "var(--active-line)" },
  ".cm-activeLineGutter": { backgroundColor: "var(--active-line)" },
});

/**
 * What the page's style sheet cannot reach: the editor lives in a shadow root (see Editor), so its
 * own rules come with it, as CodeMirror themes.
 */
export const shadowStyles = EditorView.baseTheme({
  "&": { fontSize: "14px" },
  "&.cm-focused": { outline: "2px solid var(--focus)", outlineOffset: "-2px" },
  ".cm-scroller": {
    fontFamily: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace',
  },
  ".cm-remote-cursor": {
    position: "relative", borderLeft: "2px solid", marginLeft: "-1px", marginRight: "-1px",
  },
  ".cm-remote-label": {
    position: "absolute", bottom: "100%", left: "-2px", font: "600 11px/1.3 system-ui, sans-serif",
    padding: "0 .3rem", borderRadius: "3px 3px 3px 0", whiteSpace: "nowrap", pointerEvents: "none",
    zIndex: "5",
  },
  ".cm-line:first-child .cm-remote-label": { bottom: "auto", top: "100%", borderRadius: "0 3px 3px 3px" },
});

/**
 * A shadow root for an editor. CodeMirror adds its styles at run time; in a document it would
 * insert a <style> element, which the Content-Security-Policy (style-src 'self') blocks, while in
 * a shadow root it uses constructed style sheets (adoptedStyleSheets), which CSP does not govern.
 */
export function shadowHost(element) {
  return element.shadowRoot ?? element.attachShadow({ mode: "open" });
}

const fillHost = EditorView.theme({ "&": { flex: "1", height: "100%", minWidth: "0" } });

export function editorTheme(dark) {
  return dark ? oneDark : [lightTheme, syntaxHighlighting(defaultHighlightStyle, { fallback: true })];
}

export class Editor {
  constructor(parent, { onUpdate, label = "Code editor" }) {
    this.language = new Compartment();
    this.theme = new Compartment();
    this.readOnly = new Compartment();
    this.settings = { language: [], dark: false, readOnly: false };
    this.onUpdate = onUpdate;
    this.label = label;
    const root = shadowHost(parent);
    // Until the room's text arrives the editor takes no input: it would be lost with the state.
    const loading = EditorState.create({
      extensions: [EditorView.editable.of(false), placeholder("Loading…"), shadowStyles, fillHost],
    });
    this.view = new EditorView({ root, parent: root, state: loading });
  }

  /** A fresh state: the document at a version of the room, with the current settings. */
  replaceState(doc, version, clientID, selection) {
    const state = EditorState.create({
      doc,
      selection,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        history(),
        foldGutter(),
        drawSelection(),
        dropCursor(),
        EditorState.allowMultipleSelections.of(true),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        rectangularSelection(),
        crosshairCursor(),
        highlightActiveLine(),
        highlightSelectionMatches(),
        search({ top: true }),
        keymap.of([
          ...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap,
          ...foldKeymap, indentWithTab,
        ]),
        EditorView.contentAttributes.of({ "aria-label": this.label }),
        shadowStyles,
        fillHost,
        EditorView.lineWrapping,
        this.language.of(this.settings.language),
        this.theme.of(editorTheme(this.settings.dark)),
        this.readOnly.of(readOnlyExtension(this.settings.readOnly)),
        collab({ startVersion: version, clientID }),
        remoteCursors(),
        EditorView.updateListener.of((update) => this.onUpdate?.(update)),
      ],
    });
    this.view.setState(state);
  }

  setLanguage(extension) {
    this.settings.language = extension;
    this.view.dispatch({ effects: this.language.reconfigure(extension) });
  }

  setDark(dark) {
    this.settings.dark = dark;
    this.view.dispatch({ effects: this.theme.reconfigure(editorTheme(dark)) });
  }

  setReadOnly(readOnly) {
    this.settings.readOnly = readOnly;
    this.view.dispatch({ effects: this.readOnly.reconfigure(readOnlyExtension(readOnly)) });
  }

  get text() {
    return this.view.state.doc.toString();
  }
}

function readOnlyExtension(readOnly) {
  return readOnly
    ? [EditorState.readOnly.of(true), EditorView.contentAttributes.of({ "aria-readonly": "true" })]
    : [];
}
