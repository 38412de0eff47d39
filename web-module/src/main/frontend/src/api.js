// The REST API as the app uses it: JSON in and out, problem+json turned into readable errors,
// the session cookie sent automatically (same origin), the manage token of rooms created here
// without an account sent as X-Manage-Token.

const TOKENS = "codeshare.manageTokens";
const RECENT = "codeshare.recentRooms";
const NAME = "codeshare.guestName";

export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super(readable(status, problem, retryAfter));
    this.status = status;
    this.problem = problem;
    this.code = problem?.type?.replace("urn:codeshare:problem:", "") ?? null;
  }
}

function readable(status, problem, retryAfter) {
  if (status === 429) {
    return `Too many requests. Try again in ${retryAfter || "a few"} seconds.`;
  }
  if (status === 413) return "That is too large for the server.";
  const fields = problem?.errors?.map((e) => `${e.field} ${e.message}`).join("; ");
  const text = problem?.detail || problem?.title;
  if (text) return fields ? `${text} (${fields})` : text;
  if (status === 401) return "Please sign in.";
  if (status === 403) return "You are not allowed to do that.";
  if (status === 404) return "Not found.";
  if (status === 0) return "The server cannot be reached.";
  return `The server answered ${status}.`;
}

export async function request(method, path, { body, slug, accept } = {}) {
  const headers = { Accept: accept ?? "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const token = slug ? manageToken(slug) : null;
  if (token) headers["X-Manage-Token"] = token;
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, null);
  }
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch {
      // not a problem document
    }
    throw new ApiError(response.status, problem, response.headers.get("Retry-After"));
  }
  if (response.status === 204) return null;
  const type = response.headers.get("Content-Type") || "";
  return type.includes("json") ? response.json() : response.text();
}

export const api = {
  me: () => request("GET", "/api/me").catch((e) => (e.status === 401 ? null : Promise.reject(e))),
  login: (email, password) => request("POST", "/api/auth/login", { body: { email, password } }),
  register: (email, password, displayName) =>
    request("POST", "/api/auth/register", { body: { email, password, displayName } }),
  logout: () => request("POST", "/api/auth/logout"),
  myRooms: () => request("GET", "/api/rooms?page=0&size=20&sort=updatedAt,desc"),
  createRoom: (language, title) => request("POST", "/api/rooms", { body: { language, title } }),
  room: (slug) => request("GET", `/api/rooms/${slug}`, { slug }),
  patchRoom: (slug, body) => request("PATCH", `/api/rooms/${slug}`, { body, slug }),
  ticket: (slug, name) => request("POST", `/api/rooms/${slug}/ticket`, { body: name ? { name } : {}, slug }),
  members: (slug) => request("GET", `/api/rooms/${slug}/members`, { slug }),
  invite: (slug, email, role) =>
    request("POST", `/api/rooms/${slug}/members`, { body: { email, role }, slug }),
  changeRole: (slug, userId, role) =>
    request("PUT", `/api/rooms/${slug}/members/${userId}`, { body: { role }, slug }),
  removeMember: (slug, userId) => request("DELETE", `/api/rooms/${slug}/members/${userId}`, { slug }),
  cancelInvitation: (slug, email) =>
    request("DELETE", `/api/rooms/${slug}/members/invitations/${encodeURIComponent(email)}`, { slug }),
  snapshots: (slug, page = 0) =>
    request("GET", `/api/rooms/${slug}/snapshots?page=${page}&size=20`, { slug }),
  snapshotContent: (slug, version) =>
    request("GET", `/api/rooms/${slug}/snapshots/${version}/content`, { slug, accept: "text/plain" }),
  saveVersion: (slug, label) =>
    request("POST", `/api/rooms/${slug}/snapshots`, { body: label ? { label } : {}, slug }),
  restore: (slug, version) =>
    request("POST", `/api/rooms/${slug}/snapshots/${version}/restore`, { slug }),
  exportText: (slug) => request("GET", `/api/rooms/${slug}/export`, { slug, accept: "text/plain" }),
};

function readJson(key, fallback) {
  try {
    return JSON.parse(localStorage.getItem(key)) ?? fallback;
  } catch {
    return fallback;
  }
}

export function manageToken(slug) {
  return readJson(TOKENS, {})[slug] ?? null;
}

export function rememberManageToken(slug, token) {
  if (!token) return;
  localStorage.setItem(TOKENS, JSON.stringify({ ...readJson(TOKENS, {}), [slug]: token }));
}

/** Rooms opened in this browser, newest first (for people without an account). */
export function recentRooms() {
  return readJson(RECENT, []);
}

export function rememberRoom(room) {
  const rest = recentRooms().filter((r) => r.slug !== room.slug);
  const entry = { slug: room.slug, title: room.title, language: room.language, at: Date.now() };
  localStorage.setItem(RECENT, JSON.stringify([entry, ...rest].slice(0, 10)));
}

export function guestName() {
  return localStorage.getItem(NAME) || "";
}

export function setGuestName(name) {
  localStorage.setItem(NAME, name.trim().slice(0, 40));
}
