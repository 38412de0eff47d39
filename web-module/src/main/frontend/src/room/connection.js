// The editor socket of a room: a fresh single-use ticket for every connection, a heartbeat that
// notices a dead connection, and reconnection with back-off. It knows nothing of documents: the
// messages go to onMessage, the state of the line to onStatus.
import { api } from "../api.js";

const PING_EVERY = 15_000;
const DEAD_AFTER = 40_000;

/** What a close code means to the person at the keyboard, and whether to try again. */
const CLOSES = {
  4401: { retry: true, message: null },
  4403: { retry: false, message: "This site is not allowed to open the editor connection." },
  4404: { retry: false, message: "The room was deleted, or you no longer have access to it." },
  4000: { retry: true, message: "The connection fell behind; catching up." },
  4429: { retry: true, message: "Too many messages; slowing down.", delay: 5000 },
  1009: { retry: true, message: "A message was too large for the server." },
  1011: { retry: true, message: "The room is unavailable right now; retrying." },
};

export class Connection {
  constructor({ slug, name, onOpen, onMessage, onStatus, onFatal }) {
    Object.assign(this, { slug, name, onOpen, onMessage, onStatus, onFatal });
    this.socket = null;
    this.attempt = 0;
    this.stopped = false;
    this.status = "connecting";
    this.timers = new Set();
    this.onOffline = () => this.drop("offline");
    this.onOnline = () => this.reconnectNow();
    window.addEventListener("offline", this.onOffline);
    window.addEventListener("online", this.onOnline);
  }

  start() {
    if (!navigator.onLine) {
      this.setStatus("offline");
      return;
    }
    this.connect();
  }

  stop() {
    this.stopped = true;
    window.removeEventListener("offline", this.onOffline);
    window.removeEventListener("online", this.onOnline);
    this.clearTimers();
    this.socket?.close(1000, "bye");
    this.socket = null;
  }

  /** Sends a message if the socket is open; false otherwise. */
  send(message) {
    if (this.socket?.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify({ v: 1, ...message }));
    return true;
  }

  get open() {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  /** Closes the current socket and connects again at once (e.g. to resynchronise). */
  reconnectNow() {
    if (this.stopped) return;
    this.attempt = 0;
    this.drop("reconnecting");
    this.connect();
  }

  async connect() {
    if (this.stopped || this.socket) return;
    this.clearTimers();
    let ticket;
    try {
      ticket = await api.ticket(this.slug, this.name);
    } catch (error) {
      if (error.status === 404 || error.status === 401 || error.status === 403) {
        this.fatal(error.status === 404 ? "This room does not exist, or you have no access to it." : error.message);
      } else {
        this.retry(error.status === 429 ? 5000 : undefined);
      }
      return;
    }
    if (this.stopped || this.socket) return;
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    const url = `${scheme}//${location.host}/ws/editor/${this.slug}?ticket=${encodeURIComponent(ticket.ticket)}`;
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.addEventListener("open", () => {
      if (this.socket !== socket) return;
      this.attempt = 0;
      this.lastHeard = Date.now();
      this.setStatus("connected");
      this.heartbeat();
      this.onOpen?.();
    });
    socket.addEventListener("message", (event) => {
      if (this.socket !== socket) return;
      this.lastHeard = Date.now();
      let message;
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }
      this.onMessage(message);
    });
    socket.addEventListener("close", (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.clearTimers();
      const known = CLOSES[event.code];
      if (known && !known.retry) {
        this.fatal(known.message);
        return;
      }
      if (known?.message) this.onStatus?.(this.status, known.message);
      this.retry(known?.delay);
    });
  }

  heartbeat() {
    const beat = setInterval(() => {
      if (Date.now() - this.lastHeard > DEAD_AFTER) {
        this.drop("reconnecting");
        this.retry();
      } else {
        this.send({ type: "ping" });
      }
    }, PING_EVERY);
    this.timers.add(() => clearInterval(beat));
  }

  /** Forgets the socket without waiting for its close handshake. */
  drop(status) {
    const socket = this.socket;
    this.socket = null;
    this.clearTimers();
    if (socket) {
      try {
        socket.close(4000, "reconnecting");
      } catch {
        // already closing
      }
    }
    this.setStatus(status);
  }

  retry(delay) {
    if (this.stopped) return;
    if (!navigator.onLine) {
      this.setStatus("offline");
      return;
    }
    this.setStatus("reconnecting");
    const backoff = delay ?? Math.min(10_000, 500 * 2 ** this.attempt) * (0.75 + Math.random() / 2);
    this.attempt++;
    const timer = setTimeout(() => this.connect(), backoff);
    this.timers.add(() => clearTimeout(timer));
  }

  fatal(message) {
    this.stopped = true;
    this.setStatus("closed");
    this.onFatal?.(message);
  }

  clearTimers() {
    this.timers.forEach((cancel) => cancel());
    this.timers.clear();
  }

  setStatus(status) {
    const changed = status !== this.status;
    this.status = status;
    if (changed) this.onStatus?.(status);
  }
}
