// The share dialog: everyone can copy the link; owners also set link access, lock the room and
// manage members and invitations.
import { h, clear, toast } from "../dom.js";
import { api } from "../api.js";
import { roleLabel } from "./presence.js";

const ACCESS = [
  ["EDIT", "Anyone with the link can edit"],
  ["VIEW", "Anyone with the link can view"],
  ["PRIVATE", "Only members (private)"],
];
const ROLES = ["OWNER", "EDITOR", "VIEWER"];

export class ShareDialog {
  constructor({ room, onRoomChanged }) {
    this.room = room;
    this.onRoomChanged = onRoomChanged;
    this.body = h("div", { class: "dialog-body" });
    this.element = h("dialog", { class: "dialog share-dialog", "aria-labelledby": "share-heading" },
      h("div", { class: "dialog-head" },
        h("h2", { id: "share-heading" }, "Share this room"),
        h("button", { type: "button", class: "icon-button", "aria-label": "Close", onclick: () => this.element.close() }, "✕")),
      this.body);
  }

  get isOwner() {
    return this.room.role === "OWNER";
  }

  open() {
    this.render();
    this.element.showModal();
  }

  render() {
    const link = `${location.origin}/r/${this.room.slug}`;
    const linkInput = h("input", { id: "share-link", type: "text", value: link, readOnly: true, class: "grow" });
    clear(this.body,
      h("label", { for: "share-link" }, "Room link"),
      h("div", { class: "row" }, linkInput,
        h("button", { type: "button", onclick: () => copy(linkInput) }, "Copy link")),
      this.isOwner ? this.ownerControls() : h("p", { class: "muted" },
        "Only the room's owners can change who has access."));
  }

  ownerControls() {
    const access = h("select", { id: "share-access", onchange: () => this.patch({ linkAccess: access.value }) },
      ACCESS.map(([value, label]) => h("option", { value, selected: value === this.room.linkAccess }, label)));
    const lock = h("input", { id: "share-lock", type: "checkbox", checked: this.room.locked,
      onchange: () => this.patch({ locked: lock.checked }) });
    this.members = h("div", { class: "members" }, h("p", { class: "muted" }, "Loading members…"));
    this.loadMembers();
    return [
      h("label", { for: "share-access" }, "Link access"), access,
      h("div", { class: "row checkbox-row" }, lock,
        h("label", { for: "share-lock" }, "Lock the room: only owners can edit")),
      h("h3", {}, "Members"), this.members, this.inviteForm(),
    ];
  }

  async patch(body) {
    try {
      const room = await api.patchRoom(this.room.slug, body);
      this.onRoomChanged(room);
      toast("Sharing settings saved.");
    } catch (error) {
      toast(error.message, "error");
      this.render();
    }
  }

  async loadMembers() {
    try {
      this.renderMembers(await api.members(this.room.slug));
    } catch (error) {
      clear(this.members, h("p", { class: "error" }, error.message));
    }
  }

  renderMembers(roster) {
    const rows = roster.members.map((m) => {
      const role = h("select", { "aria-label": `Role of ${m.displayName}`,
        onchange: () => this.act(() => api.changeRole(this.room.slug, m.userId, role.value)) },
      ROLES.map((r) => h("option", { value: r, selected: r === m.role }, roleLabel(r))));
      return h("li", {}, h("span", { class: "grow" }, `${m.displayName} <${m.email}>`), role,
        h("button", { type: "button", class: "link-button", "aria-label": `Remove ${m.displayName}`,
          onclick: () => this.act(() => api.removeMember(this.room.slug, m.userId)) }, "Remove"));
    });
    const invited = roster.invitations.map((i) => h("li", {},
      h("span", { class: "grow" }, `${i.email} (invited, ${roleLabel(i.role)})`),
      h("button", { type: "button", class: "link-button", "aria-label": `Cancel the invitation of ${i.email}`,
        onclick: () => this.act(() => api.cancelInvitation(this.room.slug, i.email)) }, "Cancel")));
    clear(this.members, rows.length || invited.length
      ? h("ul", { class: "member-list" }, rows, invited)
      : h("p", { class: "muted" }, "No members yet. Anyone with the link gets the link access above."));
  }

  inviteForm() {
    const email = h("input", { id: "invite-email", type: "email", required: true, placeholder: "name@example.org", class: "grow" });
    const role = h("select", { "aria-label": "Role of the invited person" },
      ROLES.map((r) => h("option", { value: r, selected: r === "EDITOR" }, roleLabel(r))));
    return h("form", { class: "invite", onsubmit: (event) => {
      event.preventDefault();
      this.act(() => api.invite(this.room.slug, email.value.trim(), role.value)).then(() => { email.value = ""; });
    } },
    h("label", { for: "invite-email" }, "Invite by email"),
    h("div", { class: "row" }, email, role, h("button", { type: "submit" }, "Invite")));
  }

  async act(action) {
    try {
      await action();
    } catch (error) {
      toast(error.message, "error");
    }
    await this.loadMembers();
  }
}

async function copy(input) {
  try {
    await navigator.clipboard.writeText(input.value);
    toast("Link copied.");
  } catch {
    input.select();
    toast("Press Ctrl+C to copy the selected link.");
  }
}
