// A room: the editor, who is here, chat, sharing and history, wired to the editor socket.
import { Transaction } from "@codemirror/state";
import { h, clear, toast } from "../dom.js";
import { api, rememberRoom, guestName, setGuestName } from "../api.js";
import { Editor } from "./editor.js";
import { Sync } from "./sync.js";
import { Connection } from "./connection.js";
import { CursorSharing } from "./cursor-sharing.js";
import { Presence } from "./presence.js";
import { Chat } from "./chat.js";
import { ShareDialog } from "./share.js";
import { HistoryDialog } from "./history.js";
import { LANGUAGES, languageById, loadLanguage } from "./languages.js";
import { StatusIndicator, SERVER_ERRORS } from "./status.js";

export async function showRoom(root, slug, { session, theme, header }) {
  let room;
  try {
    room = await api.room(slug);
  } catch (error) {
    clear(root, header(), h("main", { id: "main", class: "message-page" },
      h("h1", {}, error.status === 404 ? "Room not found" : "Cannot open the room"),
      h("p", {}, error.status === 404 ? "The link may be wrong, the room deleted, or private." : error.message),
      h("p", {}, h("a", { href: "/", dataset: { route: "" } }, "Back to the start page"))));
    return () => {};
  }
  rememberRoom(room);
  document.title = `${room.title} · CodeShare`;
  const ui = new RoomPage(root, room, { session, theme, header });
  return () => ui.destroy();
}

class RoomPage {
  constructor(root, room, { session, theme, header }) {
    this.room = room;
    this.session = session;
    this.theme = theme;
    this.you = null;
    this.status = new StatusIndicator();
    this.presence = new Presence({ onFollow: (id) => this.cursors.follow(id) });
    this.chat = new Chat({ send: (m) => this.sendOrWarn(m) });
    this.share = new ShareDialog({ room, onRoomChanged: (r) => this.roomChanged(r) });
    this.history = new HistoryDialog({
      room, canEdit: room.canEdit, currentText: () => this.editor.text,
      fileName: (suffix) => `${safeName(this.room.title)}${suffix}.${languageById(this.room.language).ext}`,
      isDark: () => theme.dark,
    });
    this.build(root, header);
    this.editor = new Editor(this.editorHost, { onUpdate: (update) => this.editorUpdated(update) });
    this.editor.setDark(theme.dark);
    this.unsubscribeTheme = theme.subscribe((dark) => this.editor.setDark(dark));
    this.sync = new Sync({
      editor: this.editor,
      send: (m) => this.connection.send(m),
      reconnect: () => this.connection.reconnectNow(),
      onChange: () => {
        this.renderStatus();
        this.cursors?.confirmationsChanged();
      },
      onRefused: (code, lost) => toast(`${SERVER_ERRORS[code] ?? "The server refused the edit."} `
        + `${lost} unsaved edit${lost === 1 ? " was" : "s were"} undone.`, "error"),
    });
    this.connection = new Connection({
      slug: room.slug,
      name: session ? null : this.guestName(),
      onOpen: () => this.sync.opened(),
      onMessage: (m) => this.message(m),
      onStatus: (status, note) => {
        if (status !== "connected") this.sync.closed();
        if (note) toast(note);
        this.renderStatus();
      },
      onFatal: (message) => {
        toast(message, "error");
        this.renderStatus();
      },
    });
    this.cursors = new CursorSharing({
      editor: this.editor, sync: this.sync, presence: this.presence, connection: this.connection,
    });
    this.applyLanguage(room.language);
    this.applyAccess();
    this.keys = (event) => this.shortcut(event);
    document.addEventListener("keydown", this.keys);
    this.beforeUnload = (event) => {
      if (this.sync.unsent > 0) event.preventDefault();
    };
    window.addEventListener("beforeunload", this.beforeUnload);
    this.connection.start();
    this.renderStatus();
  }

  build(root, header) {
    this.languageSelect = h("select", { id: "language", onchange: () => this.changeLanguage(this.languageSelect.value) },
      LANGUAGES.map((l) => h("option", { value: l.id }, l.label)));
    this.titleInput = h("input", { id: "room-title", class: "room-title", type: "text", maxLength: 200,
      value: this.room.title, "aria-label": "Room title", onchange: () => this.rename() });
    this.viewBadge = h("span", { class: "badge badge-view", hidden: true, title: "You can read along but not edit" }, "View only");
    this.lockBadge = h("span", { class: "badge badge-locked", hidden: true, title: "Only owners can edit" }, "Locked");
    this.editorHost = h("div", { class: "editor-host" });
    const toolbar = h("div", { class: "room-bar", role: "toolbar", "aria-label": "Room" },
      this.titleInput,
      h("label", { for: "language", class: "visually-hidden" }, "Language"), this.languageSelect,
      this.viewBadge, this.lockBadge, this.status.element,
      h("span", { class: "spacer" }),
      h("button", { type: "button", id: "open-share", onclick: () => this.share.open() }, "Share"),
      h("button", { type: "button", id: "open-history", onclick: () => this.history.open() }, "History"));
    const side = [this.presence.element, this.chat.element];
    if (!this.session) side.unshift(this.nameForm());
    clear(root, header(), h("main", { id: "main", class: "room" },
      toolbar,
      h("div", { class: "room-body" },
        h("section", { class: "editor-pane", "aria-label": "Editor" }, this.editorHost),
        h("aside", { class: "sidebar", "aria-label": "People and chat" }, side))),
    this.share.element, this.history.element);
  }

  nameForm() {
    const input = h("input", { id: "guest-name", type: "text", maxLength: 40, value: this.guestName(), class: "grow" });
    return h("form", { class: "panel name-form", onsubmit: (event) => {
      event.preventDefault();
      const name = input.value.trim();
      if (!name) return;
      setGuestName(name);
      this.connection.name = name;
      this.connection.reconnectNow();
      toast(`You are now shown as ${name}.`);
    } },
    h("label", { for: "guest-name" }, "Your name"),
    h("div", { class: "row" }, input, h("button", { type: "submit" }, "Change")));
  }

  guestName() {
    let name = guestName();
    if (!name) {
      name = `Guest ${Math.floor(100 + Math.random() * 900)}`;
      setGuestName(name);
    }
    return name;
  }

  message(m) {
    switch (m.type) {
      case "hello":
        this.you = m.you;
        this.sync.hello(m);
        this.presence.hello(m.you, m.peers ?? []);
        this.chat.maxLength = m.limits?.maxChatLength ?? this.chat.maxLength;
        this.chat.history(m.chat ?? []);
        this.applyLanguage(m.language);
        this.applyAccess();
        this.cursors.send();
        break;
      case "updates":
        this.sync.updates(m);
        this.cursors.updated();
        break;
      case "cursor":
        this.cursors.show(m);
        break;
      case "presence":
        if (m.joined) this.presence.joined(m.joined);
        if (m.left) {
          this.presence.left(m.left);
          this.cursors.left(m.left.id);
        }
        break;
      case "chat":
        this.chat.add(m);
        break;
      case "room":
        this.roomChanged({ ...this.room, ...m });
        break;
      case "error":
        this.sync.error(m.code);
        if (SERVER_ERRORS[m.code]) toast(SERVER_ERRORS[m.code], m.code === "rate-limited" || m.code === "unavailable" ? "info" : "error");
        break;
      default:
        break;
    }
  }

  editorUpdated(update) {
    const local = update.transactions.some((tr) => !tr.annotation(Transaction.remote) && tr.docChanged);
    if (local) {
      this.sync.flush();
      this.renderStatus();
    }
    if (update.selectionSet || local) this.cursors?.schedule();
  }

  async applyLanguage(id) {
    this.room.language = id;
    this.languageSelect.value = languageById(id).id;
    const extension = await loadLanguage(id);
    if (this.room.language === id) this.editor.setLanguage(extension);
  }

  async changeLanguage(id) {
    const previous = this.room.language;
    this.applyLanguage(id);
    try {
      this.roomChanged(await api.patchRoom(this.room.slug, { language: id }));
    } catch (error) {
      toast(error.message, "error");
      this.applyLanguage(previous);
    }
  }

  async rename() {
    const title = this.titleInput.value.trim();
    if (!title || title === this.room.title) return;
    try {
      this.roomChanged(await api.patchRoom(this.room.slug, { title }));
    } catch (error) {
      toast(error.message, "error");
      this.titleInput.value = this.room.title;
    }
  }

  roomChanged(changed) {
    const languageChanged = changed.language && changed.language !== this.room.language;
    Object.assign(this.room, changed);
    if (languageChanged) this.applyLanguage(changed.language);
    if (document.activeElement !== this.titleInput) this.titleInput.value = this.room.title;
    document.title = `${this.room.title} · CodeShare`;
    this.applyAccess();
    rememberRoom(this.room);
  }

  applyAccess() {
    const role = this.you?.role ?? this.room.role;
    const canEdit = role !== "VIEWER" && (!this.room.locked || role === "OWNER");
    this.editor.setReadOnly(!canEdit);
    this.viewBadge.hidden = role !== "VIEWER";
    this.lockBadge.hidden = !this.room.locked;
    this.languageSelect.disabled = !canEdit;
    this.titleInput.readOnly = !canEdit;
    this.history.setCanEdit(canEdit);
    this.share.room = { ...this.room, role };
  }

  renderStatus() {
    let status = this.connection?.status ?? "connecting";
    if (status === "connected" && !this.sync?.inStep) {
      status = this.sync?.ready ? "reconnecting" : "connecting";
    }
    this.status.render(status, this.sync?.unsent ?? 0);
  }

  sendOrWarn(message) {
    const sent = this.connection.send(message);
    if (!sent) toast("Not connected: the message was not sent.", "error");
    return sent;
  }

  shortcut(event) {
    if ((event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === "s") {
      event.preventDefault();
      if (!this.history.canEdit) return;
      this.history.save();
    }
  }

  destroy() {
    this.connection.stop();
    this.cursors.stop();
    this.unsubscribeTheme();
    document.removeEventListener("keydown", this.keys);
    window.removeEventListener("beforeunload", this.beforeUnload);
    this.editor.view.destroy();
  }
}

function safeName(title) {
  return (title || "room").replace(/[^\w.-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "room";
}
