// What the browser tests share: Debian's Chromium driven by playwright-core (no browser download),
// the app under test at BASE_URL, and helpers that act as a person would: through the page.
import { chromium } from "playwright-core";
import { after, before } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";

export const BASE_URL = process.env.BASE_URL ?? "http://127.0.0.1:8080/";
export const ARTIFACTS = process.env.ARTIFACTS ?? path.resolve("../../../target/browser-artifacts");
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const TIMEOUT = 20_000;

let browser;
const violations = [];

/** One Chromium for the test file; CSP violations anywhere fail the file at the end. */
export function useBrowser() {
  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
    });
  });
  after(async () => {
    await browser?.close();
    assert.deepEqual(violations, [], "no Content-Security-Policy violations");
  });
}

/** A person: their own browser context (cookies, storage), a page, and a name. */
export async function person(name, { width = 1280, height = 720 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, baseURL: BASE_URL });
  context.setDefaultTimeout(TIMEOUT);
  await context.addInitScript((guest) => {
    if (guest && !localStorage.getItem("codeshare.guestName")) localStorage.setItem("codeshare.guestName", guest);
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  }, name);
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.text().startsWith("CSP violation")) violations.push(`${name}: ${message.text()}`);
  });
  page.on("pageerror", (error) => violations.push(`${name}: page error ${error.message}`));
  // What the editor socket said besides edits, cursors and presence, for failure messages.
  const socketLog = [];
  page.on("websocket", (ws) => {
    socketLog.push(`open ${ws.url().split("?")[0]}`);
    ws.on("framesent", (frame) => {
      if (typeof frame.payload === "string" && !/"type":"(cursor|ping|chat)"/.test(frame.payload)) {
        socketLog.push(`sent ${frame.payload.slice(0, 300)}`);
      }
    });
    ws.on("framereceived", (frame) => {
      const type = /"type":"(\w+)"/.exec(String(frame.payload))?.[1];
      if (type === "hello" || type === "error") socketLog.push(`got ${String(frame.payload).slice(0, 300)}`);
      if (type === "updates") socketLog.push(`got ${String(frame.payload).slice(0, 300)}`);
    });
    ws.on("close", () => socketLog.push("closed"));
  });
  page.socketLog = socketLog;
  return { name, context, page };
}

/** Creates a room from the start page and waits until its editor is connected. */
export async function createRoom(page, language = "javascript") {
  await page.goto("/");
  await page.selectOption("#new-language", language);
  await page.click("#create-room");
  await page.waitForURL(/\/r\/[A-Za-z0-9]+$/);
  await connected(page);
  return page.url();
}

export async function openRoom(page, url) {
  await page.goto(url);
  await connected(page);
}

export async function connected(page) {
  await page.locator('#connection-status[data-status="connected"][data-unsent="0"]').waitFor();
  await page.locator(".cm-content").waitFor();
}

/** Types at the end of the document, as keystrokes. */
export async function typeAtEnd(page, text, delay = 0) {
  await page.locator(".cm-content").click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(text, { delay });
}

/** The document as the editor shows it (without other people's cursor labels). */
export function editorText(page) {
  return page.evaluate(() => {
    const root = document.querySelector(".editor-host").shadowRoot;
    return Array.from(root.querySelectorAll(".cm-content > .cm-line"), (line) => {
      const copy = line.cloneNode(true);
      copy.querySelectorAll(".cm-remote-cursor").forEach((node) => node.remove());
      return copy.textContent;
    }).join("\n");
  });
}

/** Waits until check(text) holds for the editor's text; fails with the last text seen. */
export async function awaitText(page, check, what) {
  const deadline = Date.now() + TIMEOUT;
  let text;
  while (Date.now() < deadline) {
    text = await editorText(page);
    if (check(text)) return text;
    await page.waitForTimeout(100);
  }
  assert.fail(`${what}; the editor shows ${JSON.stringify(text)}`);
}

/** Every remote cursor label on the page: the name and the text of the line it is on. */
export function remoteLabels(page) {
  return page.evaluate(() => {
    const root = document.querySelector(".editor-host").shadowRoot;
    return Array.from(root.querySelectorAll(".cm-remote-label"), (label) => {
      const line = label.closest(".cm-line")?.cloneNode(true);
      line?.querySelectorAll(".cm-remote-cursor").forEach((node) => node.remove());
      return { name: label.textContent, line: line?.textContent ?? null };
    });
  });
}

/** Waits until the page shows `name`'s cursor label on a line containing `text`. */
export async function awaitLabelOnLine(page, name, text) {
  const deadline = Date.now() + TIMEOUT;
  let labels;
  while (Date.now() < deadline) {
    labels = await remoteLabels(page);
    if (labels.some((l) => l.name === name && l.line?.includes(text))) return;
    await page.waitForTimeout(100);
  }
  assert.fail(`${name}'s cursor is not on the line with ${JSON.stringify(text)}: ${JSON.stringify(labels)}`
    + `; the editor shows ${JSON.stringify(await editorText(page))}`
    + `; its socket: ${(page.socketLog ?? []).join("\n")}`);
}

/** Waits until every page shows the same text, and returns it. */
export async function awaitSameText(pages, what = "the editors converge") {
  const deadline = Date.now() + TIMEOUT;
  let texts;
  while (Date.now() < deadline) {
    texts = await Promise.all(pages.map(editorText));
    if (texts.every((t) => t === texts[0])) return texts[0];
    await pages[0].waitForTimeout(100);
  }
  assert.fail(`${what}; the editors show ${JSON.stringify(texts)}`);
}

export function artifact(name) {
  return path.join(ARTIFACTS, name);
}
