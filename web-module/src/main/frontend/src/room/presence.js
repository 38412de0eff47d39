// Who is in the room: avatars with initials in each person's colour, their role, and "follow"
// (keep someone's cursor in view).
import { h, clear, initials, textColorOn } from "../dom.js";

export class Presence {
  constructor({ onFollow }) {
    this.onFollow = onFollow;
    this.you = null;
    this.peers = new Map();
    this.following = null;
    this.list = h("ul", { class: "people", "aria-label": "People in this room" });
    this.count = h("span", { class: "count" });
    this.element = h("section", { class: "panel presence", "aria-labelledby": "people-heading" },
      h("h2", { id: "people-heading" }, "People ", this.count),
      this.list);
  }

  hello(you, peers) {
    this.you = you;
    this.peers = new Map(peers.map((p) => [p.id, p]));
    if (this.following && !this.peers.has(this.following)) this.following = null;
    this.render();
  }

  joined(peer) {
    this.peers.set(peer.id, peer);
    this.render();
  }

  left(peer) {
    this.peers.delete(peer.id);
    if (this.following === peer.id) this.following = null;
    this.render();
  }

  peer(id) {
    return this.peers.get(id);
  }

  render() {
    const everyone = [this.you, ...this.peers.values()].filter(Boolean);
    this.count.textContent = `(${everyone.length})`;
    clear(this.list, everyone.map((person) => this.item(person)));
  }

  item(person) {
    const isYou = person === this.you;
    const following = this.following === person.id;
    const avatar = h("span", { class: "avatar", "aria-hidden": "true" }, initials(person.name));
    avatar.style.backgroundColor = person.color;
    avatar.style.color = textColorOn(person.color);
    return h("li", { class: "person", dataset: { peer: person.id } },
      avatar,
      h("span", { class: "person-name" }, person.name, isYou ? " (you)" : ""),
      h("span", { class: "role" }, roleLabel(person.role)),
      isYou ? null : h("button", {
        type: "button",
        class: "link-button",
        "aria-pressed": following ? "true" : "false",
        onclick: () => {
          this.following = following ? null : person.id;
          this.render();
          this.onFollow?.(this.following);
        },
      }, following ? "Unfollow" : "Follow"));
  }
}

export function roleLabel(role) {
  return { OWNER: "owner", EDITOR: "editor", VIEWER: "viewer" }[role] ?? "";
}
