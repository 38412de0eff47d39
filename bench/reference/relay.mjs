// The reference server of the benchmark: the editing part of CodeShare's protocol (hello, push,
// updates, ping) in one Node.js process, in memory, with CodeMirror's own change sets
// (@codemirror/state) for the rebase: what an in-memory Node server of the kind of ShareDB or
// y-websocket does for one edit, and nothing more. Nothing is written anywhere, every push is
// answered at once with one frame per socket, and it runs on one thread. The driver measures it
// exactly as it measures a node (--reference, docs/benchmarks.md "The same driver against an
// in-memory Node.js server"). It is not part of the product.
//
//   node bench/reference/relay.mjs <port>
//
// With REFERENCE_FRAMES_PER_SECOND=n (--env of the driver) a busy room's updates go out the way
// CodeShare's do (codeshare.collab.fanout-frames-per-second): the first at once, then those of one
// tick of sockets / n seconds together, one frame per socket.
//
// @codemirror/state comes from the browser app's packages, which the Maven build installs.
//
// HTTP: GET /health/ready, POST /api/rooms, POST /api/rooms/{slug}/ticket, and
// GET /reference/rooms/{slug} (the room's version and text, for the driver's end-of-run check).
// WebSocket: /ws/editor/{slug}?ticket=...
import { createServer } from "node:http";
import { createHash, randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const frontEnd = path.join(here, "..", "..", "web-module", "src", "main", "frontend", "package.json");
const { ChangeSet, Text } = createRequire(frontEnd)("@codemirror/state");

const GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
const rooms = new Map(); // slug -> { updates: [{clientID, changes}], doc: Text, sockets: Set, out }
const framesPerSecond = Number(process.env.REFERENCE_FRAMES_PER_SECOND || 0); // 0: a frame a push
const tickets = new Map(); // ticket -> slug

function json(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}

const server = createServer((req, res) => {
  const url = new URL(req.url, "http://localhost");
  const parts = url.pathname.split("/").filter((p) => p);
  if (req.method === "GET" && url.pathname === "/health/ready") {
    return json(res, 200, { status: "UP" });
  }
  if (req.method === "POST" && url.pathname === "/api/rooms") {
    const slug = randomUUID().slice(0, 8);
    const out = { from: 0, pending: [], timer: null, lastSent: -1e9 };
    rooms.set(slug, { updates: [], doc: Text.empty, sockets: new Set(), out });
    req.resume();
    return json(res, 201, { slug });
  }
  if (req.method === "POST" && parts[0] === "api" && parts[3] === "ticket" && rooms.has(parts[2])) {
    const ticket = randomUUID();
    tickets.set(ticket, parts[2]);
    req.resume();
    return json(res, 201, { ticket });
  }
  if (req.method === "GET" && parts[0] === "reference" && rooms.has(parts[2])) {
    const room = rooms.get(parts[2]);
    return json(res, 200, { version: room.updates.length, doc: room.doc.toString() });
  }
  json(res, 404, { title: "not found" });
});

server.on("upgrade", (req, socket) => {
  const url = new URL(req.url, "http://localhost");
  const slug = tickets.get(url.searchParams.get("ticket"));
  tickets.delete(url.searchParams.get("ticket"));
  if (!slug || url.pathname !== "/ws/editor/" + slug) {
    socket.end("HTTP/1.1 403 Forbidden\r\n\r\n");
    return;
  }
  const accept = createHash("sha1").update(req.headers["sec-websocket-key"] + GUID).digest("base64");
  socket.setNoDelay(true);
  socket.write(
    "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
      "Sec-WebSocket-Accept: " + accept + "\r\n\r\n");
  const room = rooms.get(slug);
  flush(room); // the hello's version includes everything sent before it, and nothing after
  room.sockets.add(socket);
  send(socket, frame({ v: 1, type: "hello", version: room.updates.length, doc: room.doc.toString() }));
  let pending = Buffer.alloc(0);
  socket.on("data", (chunk) => {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    pending = readFrames(pending, socket, (text) => receive(room, socket, text));
  });
  socket.on("close", () => room.sockets.delete(socket));
  socket.on("error", () => room.sockets.delete(socket));
});

/** Reads the complete frames in {@code buf}; returns what is left of an incomplete one. */
function readFrames(buf, socket, onText) {
  while (buf.length >= 2) {
    const opcode = buf[0] & 0x0f;
    const masked = (buf[1] & 0x80) !== 0;
    let length = buf[1] & 0x7f;
    let at = 2;
    if (length === 126) {
      if (buf.length < 4) break;
      length = buf.readUInt16BE(2);
      at = 4;
    } else if (length === 127) {
      if (buf.length < 10) break;
      length = Number(buf.readBigUInt64BE(2));
      at = 10;
    }
    const maskAt = at;
    if (masked) at += 4;
    if (buf.length < at + length) break;
    const payload = Buffer.from(buf.subarray(at, at + length));
    if (masked) {
      for (let i = 0; i < payload.length; i++) payload[i] ^= buf[maskAt + (i & 3)];
    }
    buf = buf.subarray(at + length);
    if (opcode === 1) onText(payload.toString("utf8"));
    else if (opcode === 8) {
      socket.end(Buffer.from([0x88, 0x02, 0x03, 0xe8]));
      return Buffer.alloc(0);
    } else if (opcode === 9) {
      send(socket, Buffer.concat([header(0x8a, payload.length), payload]));
    }
  }
  return buf;
}

function header(first, length) {
  if (length < 126) return Buffer.from([first, length]);
  if (length < 65536) {
    const h = Buffer.alloc(4);
    h[0] = first;
    h[1] = 126;
    h.writeUInt16BE(length, 2);
    return h;
  }
  const h = Buffer.alloc(10);
  h[0] = first;
  h[1] = 127;
  h.writeBigUInt64BE(BigInt(length), 2);
  return h;
}

/** A text frame, encoded once for every socket it goes to. */
function frame(message) {
  const payload = Buffer.from(JSON.stringify(message), "utf8");
  return Buffer.concat([header(0x81, payload.length), payload]);
}

function send(socket, bytes) {
  if (!socket.destroyed) socket.write(bytes);
}

function receive(room, socket, text) {
  let message;
  try {
    message = JSON.parse(text);
  } catch {
    return send(socket, frame({ v: 1, type: "error", code: "bad-message", message: "not JSON" }));
  }
  if (message.type === "ping") return send(socket, frame({ v: 1, type: "pong" }));
  if (message.type === "pull") {
    flush(room);
    const from = message.version;
    return send(socket, frame({ v: 1, type: "updates", from, updates: room.updates.slice(from) }));
  }
  if (message.type !== "push") return;
  const from = room.updates.length;
  // Rebased as the clients map their own pending updates over the ones they receive.
  let missed = null;
  for (const u of room.updates.slice(message.version)) {
    const changes = ChangeSet.fromJSON(u.changes);
    missed = missed ? missed.compose(changes) : changes;
  }
  const accepted = [];
  let doc = room.doc;
  for (const u of message.updates) {
    let changes = ChangeSet.fromJSON(u.changes);
    if (missed) {
      const mapped = changes.map(missed);
      missed = missed.map(changes, true);
      changes = mapped;
    }
    if (changes.length !== doc.length) {
      return send(socket, frame({ v: 1, type: "error", code: "bad-changes", message: "length" }));
    }
    doc = changes.apply(doc);
    accepted.push({ clientID: u.clientID, changes: changes.toJSON() });
  }
  room.doc = doc;
  room.updates.push(...accepted);
  if (!framesPerSecond) {
    const bytes = frame({ v: 1, type: "updates", from, updates: accepted });
    for (const s of room.sockets) send(s, bytes);
    return;
  }
  const out = room.out;
  if (!out.pending.length) out.from = from;
  out.pending.push(...accepted);
  if (out.timer) return;
  const wait = out.lastSent + (room.sockets.size * 1000) / framesPerSecond - performance.now();
  if (wait <= 0) flush(room);
  else out.timer = setTimeout(() => flush(room), wait);
}

/** Sends the updates waiting for the tick, one frame for all sockets. */
function flush(room) {
  const out = room.out;
  clearTimeout(out.timer);
  out.timer = null;
  if (!out.pending.length) return;
  const bytes = frame({ v: 1, type: "updates", from: out.from, updates: out.pending });
  out.pending = [];
  out.lastSent = performance.now();
  for (const s of room.sockets) send(s, bytes);
}

const port = Number(process.argv[2] || 8090);
server.listen(port, "127.0.0.1", () => console.log("reference server on " + port));
