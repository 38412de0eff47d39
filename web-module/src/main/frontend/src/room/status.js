// The connection status, always visible: connected, reconnecting or offline, with the number of
// local edits the server has not confirmed yet.
import { h } from "../dom.js";

/** Readable text for the editor socket's error codes (docs/collaboration.md). */
export const SERVER_ERRORS = {
  forbidden: "You can only view this room.",
  locked: "The room is locked: only its owners can edit.",
  "too-large": "That change is too large to send.",
  "doc-too-large": "The document would grow past its maximum size.",
  "too-many-updates": "Too many edits at once.",
  "rate-limited": "You are sending faster than the server allows; slowing down.",
  unavailable: "The server cannot save right now; your edits are kept and sent again.",
  malformed: "The server did not understand a message from this page.",
  "unsupported-version": "This page is out of date; please reload it.",
  "unknown-type": "This page is out of date; please reload it.",
};

const LABELS = {
  connecting: "Connecting…",
  connected: "Connected",
  reconnecting: "Reconnecting…",
  offline: "Offline",
  closed: "Disconnected",
};

export class StatusIndicator {
  constructor() {
    this.text = h("span", { class: "status-text" });
    this.element = h("span", { class: "status", id: "connection-status", role: "status", "aria-live": "polite" },
      h("span", { class: "status-dot", "aria-hidden": "true" }), this.text);
  }

  render(status, unsent) {
    this.element.dataset.status = status;
    this.element.dataset.unsent = String(unsent);
    const pending = unsent > 0 ? ` · ${unsent} unsent edit${unsent === 1 ? "" : "s"}` : "";
    this.text.textContent = (LABELS[status] ?? status) + pending;
  }
}
