// Sign in and register, in one dialog.
import { h, clear } from "./dom.js";
import { api } from "./api.js";

export class AuthDialog {
  constructor({ onSignedIn }) {
    this.onSignedIn = onSignedIn;
    this.body = h("div", { class: "dialog-body" });
    this.heading = h("h2", { id: "auth-heading" });
    this.element = h("dialog", { class: "dialog auth-dialog", "aria-labelledby": "auth-heading" },
      h("div", { class: "dialog-head" }, this.heading,
        h("button", { type: "button", class: "icon-button", "aria-label": "Close", onclick: () => this.element.close() }, "✕")),
      this.body);
  }

  open(mode) {
    this.mode = mode;
    this.render();
    this.element.showModal();
  }

  render() {
    const registering = this.mode === "register";
    this.heading.textContent = registering ? "Create an account" : "Sign in";
    const error = h("p", { class: "error", role: "alert" });
    const email = h("input", { id: "auth-email", type: "email", required: true, autocomplete: "email" });
    const password = h("input", { id: "auth-password", type: "password", required: true, minLength: registering ? 10 : 1,
      maxLength: 128, autocomplete: registering ? "new-password" : "current-password" });
    const name = h("input", { id: "auth-name", type: "text", required: true, maxLength: 100, autocomplete: "name" });
    const submit = h("button", { type: "submit", class: "primary" }, registering ? "Register" : "Sign in");
    const form = h("form", { class: "stack", onsubmit: async (event) => {
      event.preventDefault();
      submit.disabled = true;
      error.textContent = "";
      try {
        const session = registering
          ? await api.register(email.value.trim(), password.value, name.value.trim())
          : await api.login(email.value.trim(), password.value);
        this.element.close();
        this.onSignedIn(session.user);
      } catch (problem) {
        error.textContent = problem.message;
      } finally {
        submit.disabled = false;
      }
    } },
    registering ? [h("label", { for: "auth-name" }, "Display name"), name] : null,
    h("label", { for: "auth-email" }, "Email"), email,
    h("label", { for: "auth-password" }, registering ? "Password (at least 10 characters)" : "Password"), password,
    error, submit,
    h("p", { class: "muted" }, registering ? "Already have an account? " : "No account yet? ",
      h("button", { type: "button", class: "link-button", onclick: () => this.open(registering ? "login" : "register") },
        registering ? "Sign in" : "Register")));
    clear(this.body, form);
  }
}
