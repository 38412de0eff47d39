// The start page: create a room in one click, join by link or code, recent rooms.
import { h, clear, toast, formatTime } from "./dom.js";
import { api, rememberManageToken, recentRooms, guestName, setGuestName } from "./api.js";
import { LANGUAGES, languageById } from "./room/languages.js";

const LAST_LANGUAGE = "codeshare.lastLanguage";

export function showLanding(root, { session, header, navigate }) {
  const language = h("select", { id: "new-language" },
    LANGUAGES.map((l) => h("option", { value: l.id, selected: l.id === (localStorage.getItem(LAST_LANGUAGE) || "javascript") }, l.label)));
  const create = h("button", { type: "submit", class: "primary", id: "create-room" }, "Create a room");
  const createForm = h("form", { class: "card", "aria-labelledby": "create-heading", onsubmit: async (event) => {
    event.preventDefault();
    create.disabled = true;
    try {
      localStorage.setItem(LAST_LANGUAGE, language.value);
      const room = await api.createRoom(language.value);
      rememberManageToken(room.slug, room.manageToken);
      navigate(`/r/${room.slug}`);
    } catch (error) {
      toast(error.message, "error");
      create.disabled = false;
    }
  } },
  h("h2", { id: "create-heading" }, "Start a room"),
  h("label", { for: "new-language" }, "Language"),
  h("div", { class: "row" }, language, create));

  const target = h("input", { id: "join-target", type: "text", required: true, class: "grow",
    placeholder: "https://…/r/abcDEF2345 or abcDEF2345", autocomplete: "off" });
  const joinForm = h("form", { class: "card", "aria-labelledby": "join-heading", onsubmit: (event) => {
    event.preventDefault();
    const slug = slugOf(target.value);
    if (!slug) {
      toast("That is not a room link or code.", "error");
      return;
    }
    navigate(`/r/${slug}`);
  } },
  h("h2", { id: "join-heading" }, "Join a room"),
  h("label", { for: "join-target" }, "Room link or code"),
  h("div", { class: "row" }, target, h("button", { type: "submit" }, "Join")));

  const cards = [createForm, joinForm];
  if (!session) {
    const name = h("input", { id: "landing-name", type: "text", maxLength: 40, value: guestName(), class: "grow",
      placeholder: "How others see you", onchange: () => setGuestName(name.value) });
    cards.push(h("div", { class: "card" },
      h("h2", {}, "Your name"),
      h("label", { for: "landing-name" }, "Shown next to your cursor (sign in to use your account name)"),
      name));
  }

  const recent = h("ul", { class: "recent", id: "recent-rooms" });
  const recentCard = h("section", { class: "card recent-card", "aria-labelledby": "recent-heading" },
    h("h2", { id: "recent-heading" }, session ? "My rooms" : "Recent rooms in this browser"), recent);
  clear(root, header(), h("main", { id: "main", class: "landing" },
    h("div", { class: "hero" },
      h("h1", {}, "Code together, in real time"),
      h("p", { class: "lead" }, "Create a room, share its link, and edit with everyone at once: cursors, chat and history included.")),
    h("div", { class: "cards" }, cards, recentCard)));
  fillRecent(recent, session);
  return () => {};
}

async function fillRecent(list, session) {
  let rooms;
  if (session) {
    try {
      rooms = (await api.myRooms()).items.map((r) => ({ ...r, at: r.updatedAt }));
    } catch (error) {
      clear(list, h("li", { class: "muted" }, error.message));
      return;
    }
  } else {
    rooms = recentRooms().map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
  }
  if (!rooms.length) {
    clear(list, h("li", { class: "muted" }, "No rooms yet."));
    return;
  }
  clear(list, rooms.map((r) => h("li", {},
    h("a", { href: `/r/${r.slug}`, dataset: { route: "" } }, r.title || r.slug),
    h("span", { class: "muted" }, ` ${languageById(r.language).label} · ${formatTime(r.at)}`))));
}

/** The slug from a room link or a bare code. */
export function slugOf(value) {
  const text = value.trim();
  const fromLink = /\/r\/([A-Za-z0-9]{4,64})\/?(?:[?#].*)?$/.exec(text);
  if (fromLink) return fromLink[1];
  return /^[A-Za-z0-9]{4,64}$/.test(text) ? text : null;
}
