// Version history: snapshots newest first, a preview of one as a diff against the current text,
// restore, download, "save version", and an export of the current text.
import { EditorState } from "@codemirror/state";
import { EditorView, lineNumbers } from "@codemirror/view";
import { MergeView } from "@codemirror/merge";
import { h, clear, toast, download, formatTime } from "../dom.js";
import { api } from "../api.js";
import { editorTheme, shadowHost, shadowStyles } from "./editor.js";

const REASONS = { timer: "Automatic", manual: "Saved", restore: "Restored" };

export class HistoryDialog {
  constructor({ room, canEdit, currentText, fileName, isDark }) {
    Object.assign(this, { room, canEdit, currentText, fileName, isDark });
    this.items = [];
    this.list = h("ol", { class: "snapshots", "aria-label": "Saved versions" });
    this.more = h("button", { type: "button", hidden: true, onclick: () => this.load(this.page + 1) }, "Load older versions");
    this.preview = h("div", { class: "preview", "aria-live": "polite" });
    this.label = h("input", { id: "version-label", type: "text", maxLength: 200, placeholder: "Label (optional)", class: "grow" });
    this.saveForm = h("form", { class: "row save-version", onsubmit: (event) => { event.preventDefault(); this.save(); } },
      h("label", { for: "version-label", class: "visually-hidden" }, "Version label"),
      this.label, h("button", { type: "submit", id: "save-version" }, "Save version"));
    this.element = h("dialog", { class: "dialog history-dialog", "aria-labelledby": "history-heading",
      onclose: () => this.closePreview() },
    h("div", { class: "dialog-head" },
      h("h2", { id: "history-heading" }, "Version history"),
      h("button", { type: "button", onclick: () => this.exportText() }, "Export current text"),
      h("button", { type: "button", class: "icon-button", "aria-label": "Close", onclick: () => this.element.close() }, "✕")),
    h("div", { class: "history-body" },
      h("div", { class: "history-list" }, this.saveForm, this.list, this.more),
      this.preview));
  }

  setCanEdit(canEdit) {
    this.canEdit = canEdit;
    this.saveForm.hidden = !canEdit;
  }

  open() {
    this.setCanEdit(this.canEdit);
    this.element.showModal();
    this.load(0);
  }

  async load(page) {
    if (page === 0) clear(this.list, h("li", { class: "muted" }, "Loading…"));
    try {
      const answer = await api.snapshots(this.room.slug, page);
      this.page = page;
      this.items = page === 0 ? answer.items : [...this.items, ...answer.items];
      this.more.hidden = this.items.length >= answer.total;
      this.render();
    } catch (error) {
      this.more.hidden = true;
      const text = error.status === 404
        ? "Version history is not available for this room on this server."
        : error.message;
      clear(this.list, h("li", { class: "muted" }, text));
    }
  }

  render() {
    if (!this.items.length) {
      clear(this.list, h("li", { class: "muted" }, "No versions yet. They are saved automatically while you edit."));
      return;
    }
    clear(this.list, this.items.map((item) => h("li", { class: "snapshot", dataset: { version: item.version } },
      h("div", { class: "snapshot-title" },
        h("strong", {}, item.label || REASONS[item.reason] || item.reason), ` · version ${item.version}`),
      h("div", { class: "muted" }, `${formatTime(item.createdAt)} · ${size(item.size)}`),
      h("div", { class: "row" },
        h("button", { type: "button", onclick: () => this.show(item) }, "Preview"),
        this.canEdit ? h("button", { type: "button", onclick: () => this.restore(item) }, "Restore") : null,
        h("button", { type: "button", onclick: () => this.download(item) }, "Download")))));
  }

  async show(item) {
    let content;
    try {
      content = await api.snapshotContent(this.room.slug, item.version);
    } catch (error) {
      toast(error.message, "error");
      return;
    }
    this.closePreview();
    const extensions = [lineNumbers(), EditorState.readOnly.of(true), EditorView.editable.of(false),
      editorTheme(this.isDark()), shadowStyles, EditorView.lineWrapping];
    const host = h("div", { class: "merge-host" });
    clear(this.preview,
      h("h3", {}, `Version ${item.version} (left) compared with now (right)`),
      host);
    const root = shadowHost(host);
    this.merge = new MergeView({
      a: { doc: content, extensions },
      b: { doc: this.currentText(), extensions },
      parent: root,
      root,
      collapseUnchanged: { margin: 3, minSize: 6 },
    });
  }

  closePreview() {
    this.merge?.destroy();
    this.merge = null;
    clear(this.preview);
  }

  async restore(item) {
    if (!confirm(`Replace the text for everyone with version ${item.version}? The current text stays in the history.`)) {
      return;
    }
    try {
      await api.restore(this.room.slug, item.version);
      toast(`Version ${item.version} restored.`);
      this.element.close();
    } catch (error) {
      toast(error.message, "error");
    }
  }

  async download(item) {
    try {
      download(this.fileName(`-v${item.version}`), await api.snapshotContent(this.room.slug, item.version));
    } catch (error) {
      toast(error.message, "error");
    }
  }

  async save() {
    try {
      const item = await api.saveVersion(this.room.slug, this.label.value.trim() || undefined);
      this.label.value = "";
      toast(`Version ${item.version} saved.`);
      await this.load(0);
    } catch (error) {
      toast(error.status === 404 ? "Saving versions is not available on this server." : error.message, "error");
    }
  }

  async exportText() {
    let text;
    try {
      text = await api.exportText(this.room.slug);
    } catch {
      text = this.currentText(); // the text as this editor has it
    }
    download(this.fileName(""), text);
  }
}

function size(bytes) {
  if (bytes < 1024) return `${bytes} bytes`;
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
