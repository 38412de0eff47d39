// Who may change what: a viewer's editor is read-only with a badge, a locked room is read-only for
// everyone but its owners, and a language change reaches everyone in the room.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  useBrowser, person, createRoom, openRoom, typeAtEnd, awaitText, awaitSameText, editorText,
} from "./app.mjs";

useBrowser();

/** Sets a sharing option in the owner's share dialog and waits until the server took it. */
async function share(page, action) {
  await page.click("#open-share");
  await action(page.locator(".share-dialog"));
  await page.locator(".toast", { hasText: "Sharing settings saved." }).last().waitFor();
  await page.locator(".share-dialog button[aria-label=Close]").click();
}

/** Bob types; Ada then types a marker; once Bob sees the marker, Bob's keystrokes evidently changed nothing. */
async function assertCannotEdit(ada, bob, attempt, marker) {
  await typeAtEnd(bob.page, attempt);
  await typeAtEnd(ada.page, marker);
  const text = await awaitText(bob.page, (t) => t.includes(marker), `${bob.name} sees ${marker}`);
  assert.ok(!text.includes(attempt), `${bob.name}'s typing must not change the text: ${JSON.stringify(text)}`);
  assert.ok(!(await editorText(ada.page)).includes(attempt));
}

test("viewers, a locked room and a language change", async () => {
  const ada = await person("Ada");
  const bob = await person("Bob");
  const url = await createRoom(ada.page, "javascript");
  await typeAtEnd(ada.page, "const answer = 42;");

  // View-only link: Bob joins as a viewer, sees the badge, and cannot type.
  await share(ada.page, (dialog) => dialog.locator("#share-access").selectOption("VIEW"));
  await openRoom(bob.page, url);
  await bob.page.locator(".badge-view", { hasText: "View only" }).waitFor();
  assert.equal(await bob.page.locator(".cm-content").getAttribute("aria-readonly"), "true");
  assert.ok(await bob.page.locator("#language").isDisabled());
  await awaitText(bob.page, (t) => t === "const answer = 42;", "Bob reads Ada's text");
  await assertCannotEdit(ada, bob, "viewer typing", "\n// one");
  await bob.page.click("#open-share");
  await bob.page.locator(".share-dialog", { hasText: "Only the room's owners can change who has access." }).waitFor();
  assert.equal(await bob.page.locator("#share-access").count(), 0, "no sharing controls for a viewer");
  await bob.page.keyboard.press("Escape");

  // Editable link again: after a reload Bob edits.
  await share(ada.page, (dialog) => dialog.locator("#share-access").selectOption("EDIT"));
  await openRoom(bob.page, url);
  assert.ok(await bob.page.locator(".badge-view").isHidden());
  await typeAtEnd(bob.page, "\n// Bob edits");
  await awaitText(ada.page, (t) => t.includes("// Bob edits"), "Ada sees Bob's edit");

  // A language change reaches the other editor while it is open.
  await ada.page.selectOption("#language", "rust");
  await bob.page.locator("#language").evaluate((select) => new Promise((resolve) => {
    const check = () => (select.value === "rust" ? resolve() : setTimeout(check, 50));
    check();
  }));
  assert.equal(await bob.page.locator("#language").inputValue(), "rust");

  // Locked: Bob's open editor turns read-only with a badge; Ada, the owner, still edits.
  await share(ada.page, (dialog) => dialog.locator("#share-lock").check());
  await bob.page.locator(".badge-locked", { hasText: "Locked" }).waitFor();
  assert.equal(await bob.page.locator(".cm-content").getAttribute("aria-readonly"), "true");
  await assertCannotEdit(ada, bob, "locked typing", "\n// two");

  await share(ada.page, (dialog) => dialog.locator("#share-lock").uncheck());
  await bob.page.locator(".badge-locked").waitFor({ state: "hidden" });
  await typeAtEnd(bob.page, "\n// unlocked");
  await awaitSameText([ada.page, bob.page]);
  assert.ok((await editorText(ada.page)).endsWith("// unlocked"));

  await ada.context.close();
  await bob.context.close();
});

test("register, find the room under my rooms, sign out, sign in again", async () => {
  const kim = await person("");
  const email = `kim-${Date.now()}@example.org`;
  await kim.page.goto("/");
  await kim.page.click("#register");
  await kim.page.fill("#auth-name", "Kim Park");
  await kim.page.fill("#auth-email", email);
  await kim.page.fill("#auth-password", "a long enough password");
  await kim.page.click(".auth-dialog button[type=submit]");
  await kim.page.locator("#account-name", { hasText: "Kim Park" }).waitFor();

  const url = await createRoom(kim.page, "go");
  await kim.page.locator(".people .person-name", { hasText: "Kim Park (you)" }).waitFor();
  assert.equal(await kim.page.locator("#guest-name").count(), 0, "no guest name for an account");

  await kim.page.click(".brand");
  await kim.page.locator("#recent-heading", { hasText: "My rooms" }).waitFor();
  const mine = kim.page.locator("#recent-rooms a").first();
  await mine.waitFor();
  assert.equal(new URL(await mine.getAttribute("href"), url).href, url);

  await kim.page.click("#sign-out");
  await kim.page.locator("#sign-in").waitFor();
  await kim.page.click("#sign-in");
  await kim.page.fill("#auth-email", email);
  await kim.page.fill("#auth-password", "not the password");
  await kim.page.click(".auth-dialog button[type=submit]");
  await kim.page.locator(".auth-dialog .error").filter({ hasText: /\w/ }).waitFor();
  await kim.page.fill("#auth-password", "a long enough password");
  await kim.page.click(".auth-dialog button[type=submit]");
  await kim.page.locator("#account-name", { hasText: "Kim Park" }).waitFor();
  await kim.context.close();
});
