// The app shell: routes ("/" start page, "/r/{slug}" a room), the signed-in account, the theme.
import { h, toast } from "./dom.js";
import { api } from "./api.js";
import { showLanding } from "./landing.js";
import { AuthDialog } from "./auth.js";

const THEME = "codeshare.theme";

const theme = {
  dark: localStorage.getItem(THEME)
    ? localStorage.getItem(THEME) === "dark"
    : matchMedia("(prefers-color-scheme: dark)").matches,
  listeners: new Set(),
  subscribe(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  },
  toggle() {
    this.dark = !this.dark;
    localStorage.setItem(THEME, this.dark ? "dark" : "light");
    this.apply();
    this.listeners.forEach((l) => l(this.dark));
  },
  apply() {
    document.documentElement.dataset.theme = this.dark ? "dark" : "light";
  },
};

const app = document.getElementById("app");
let session = null;
let leave = () => {};

function header() {
  const themeButton = h("button", { type: "button", class: "icon-button", id: "theme-toggle",
    "aria-pressed": theme.dark ? "true" : "false", "aria-label": "Dark theme",
    title: "Switch between light and dark theme",
    onclick: () => {
      theme.toggle();
      themeButton.setAttribute("aria-pressed", theme.dark ? "true" : "false");
    } }, "◐");
  const account = session
    ? [h("span", { class: "account-name", id: "account-name" }, session.displayName),
      h("button", { type: "button", id: "sign-out", onclick: signOut }, "Sign out")]
    : [h("button", { type: "button", id: "sign-in", onclick: () => auth.open("login") }, "Sign in"),
      h("button", { type: "button", id: "register", onclick: () => auth.open("register") }, "Register")];
  return h("header", { class: "topbar" },
    h("a", { href: "/", class: "brand", dataset: { route: "" } }, h("span", { "aria-hidden": "true" }, "</>"), " CodeShare"),
    h("span", { class: "spacer" }), themeButton, account);
}

const auth = new AuthDialog({
  onSignedIn: (user) => {
    session = user;
    toast(`Signed in as ${user.displayName}.`);
    render();
  },
});

async function signOut() {
  try {
    await api.logout();
  } catch (error) {
    toast(error.message, "error");
  }
  session = null;
  toast("Signed out.");
  render();
}

export function navigate(path) {
  if (location.pathname !== path) history.pushState({}, "", path);
  render();
}

async function render() {
  leave();
  leave = () => {};
  const room = /^\/r\/([A-Za-z0-9]{4,64})\/?$/.exec(location.pathname);
  const context = { session, theme, header, navigate };
  if (room) {
    const { showRoom } = await import("./room/page.js");
    leave = await showRoom(app, room[1], context);
  } else {
    document.title = "CodeShare";
    leave = showLanding(app, context);
  }
}

document.addEventListener("click", (event) => {
  const link = event.target.closest?.("a[data-route]");
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  navigate(new URL(link.href).pathname);
});
window.addEventListener("popstate", render);

theme.apply();
document.body.append(auth.element);
try {
  session = await api.me();
} catch {
  session = null;
}
render();
