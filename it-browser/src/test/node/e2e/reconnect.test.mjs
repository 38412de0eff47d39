// The line drops while someone types: the edits are kept, counted as unsent, and arrive after the
// reconnect; meanwhile the others' edits are merged in.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  useBrowser, person, createRoom, openRoom, typeAtEnd, awaitText, awaitSameText,
} from "./app.mjs";

useBrowser();

test("edits typed offline arrive after the reconnect", async () => {
  const ada = await person("Ada");
  const bob = await person("Bob");
  const url = await createRoom(ada.page, "plaintext");
  await typeAtEnd(ada.page, "shared line");
  await openRoom(bob.page, url);
  await awaitText(bob.page, (t) => t === "shared line", "Bob has the text");

  await bob.context.setOffline(true);
  await bob.page.locator('#connection-status[data-status="offline"]').waitFor();
  await typeAtEnd(bob.page, "\nwritten offline");
  await bob.page.locator("#connection-status", { hasText: /Offline · \d+ unsent edits?/ }).waitFor();
  await ada.page.keyboard.press("Control+Home");
  await ada.page.keyboard.type("online: ");
  await ada.page.locator('#connection-status[data-unsent="0"]').waitFor();

  await bob.context.setOffline(false);
  await bob.page.locator('#connection-status[data-status="connected"][data-unsent="0"]').waitFor();
  const text = await awaitSameText([ada.page, bob.page], "both have both edits");
  assert.equal(text, "online: shared line\nwritten offline");
});

test("a socket that drops is reopened and unsent edits are pushed", async () => {
  const ada = await person("Ada");
  const bob = await person("Bob");
  // Bob's sockets go through a route this test controls, as a failing network would.
  let down = false;
  const open = [];
  await bob.page.routeWebSocket(/\/ws\/editor\//, (socket) => {
    if (down) {
      socket.close({ code: 1011, reason: "network down" });
      return;
    }
    open.push(socket.connectToServer());
  });
  const url = await createRoom(ada.page, "plaintext");
  await openRoom(bob.page, url);
  await typeAtEnd(bob.page, "before the cut");
  await awaitText(ada.page, (t) => t === "before the cut", "Ada has Bob's text");

  down = true;
  open.splice(0).forEach((server) => server.close());
  await bob.page.locator('#connection-status[data-status="reconnecting"]').waitFor();
  await typeAtEnd(bob.page, " + during");
  await bob.page.locator("#connection-status", { hasText: /Reconnecting… · \d+ unsent edits?/ }).waitFor();
  await typeAtEnd(ada.page, " (Ada)");

  down = false;
  await bob.page.locator('#connection-status[data-status="connected"][data-unsent="0"]').waitFor({ timeout: 30_000 });
  const text = await awaitSameText([ada.page, bob.page], "the edit made during the cut arrives");
  // Both inserted at the same place: Ada's was committed first, Bob's is rebased after it.
  assert.equal(text, "before the cut (Ada) + during");
});
