// The room's chat: history from hello, new lines as they come, a form to write.
import { h, clear, formatTime } from "../dom.js";

export class Chat {
  constructor({ send, maxLength = 2000 }) {
    this.send = send;
    this.maxLength = maxLength;
    this.log = h("ol", { class: "chat-log", "aria-live": "polite", "aria-label": "Chat messages" });
    this.input = h("textarea", {
      id: "chat-input", rows: 2, maxLength, placeholder: "Message everyone…", "aria-label": "Chat message",
      onkeydown: (event) => {
        if (event.key === "Enter" && !event.shiftKey) {
          event.preventDefault();
          this.submit();
        }
      },
    });
    this.form = h("form", { class: "chat-form", onsubmit: (event) => { event.preventDefault(); this.submit(); } },
      this.input, h("button", { type: "submit" }, "Send"));
    this.element = h("section", { class: "panel chat", "aria-labelledby": "chat-heading" },
      h("h2", { id: "chat-heading" }, "Chat"), this.log, this.form);
  }

  history(lines, colors) {
    clear(this.log, lines.map((line) => this.line(line, colors?.(line))));
    this.log.scrollTop = this.log.scrollHeight;
  }

  add(line) {
    this.log.append(this.line(line, line.color));
    this.log.scrollTop = this.log.scrollHeight;
  }

  line(line, color) {
    const name = h("span", { class: "chat-name" }, line.name);
    if (color) name.style.borderLeftColor = color;
    return h("li", { class: "chat-line" },
      name, " ", h("time", { datetime: line.at }, formatTime(line.at)),
      h("p", { class: "chat-text" }, line.text));
  }

  submit() {
    const text = this.input.value.trim();
    if (!text) return;
    if (this.send({ type: "chat", text: text.slice(0, this.maxLength) })) {
      this.input.value = "";
    }
  }
}
