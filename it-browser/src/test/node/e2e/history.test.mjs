// Version history through the history panel: save a version, edit on, preview the version as a
// diff, restore it, and both editors show the restored text; export the current text.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import {
  useBrowser, person, createRoom, openRoom, typeAtEnd, awaitText, awaitSameText,
} from "./app.mjs";

useBrowser();

test("save a version, edit, restore it: both editors show the restored text", async () => {
  const ada = await person("Ada");
  const bob = await person("Bob");
  const url = await createRoom(ada.page, "markdown");
  await typeAtEnd(ada.page, "# Plan\n\nversion one");
  await openRoom(bob.page, url);
  await awaitText(bob.page, (t) => t === "# Plan\n\nversion one", "Bob has the first text");

  await ada.page.click("#open-history");
  await ada.page.fill("#version-label", "first draft");
  await ada.page.click("#save-version");
  await ada.page.locator(".snapshot", { hasText: "first draft" }).waitFor();
  await ada.page.locator(".history-dialog button[aria-label=Close]").click();

  await typeAtEnd(ada.page, "\nand then some more");
  await awaitSameText([ada.page, bob.page]);

  await bob.page.click("#open-history");
  const version = bob.page.locator(".snapshot", { hasText: "first draft" });
  await version.getByRole("button", { name: "Preview" }).click();
  await bob.page.locator(".preview .cm-mergeView").waitFor();
  await bob.page.locator(".preview .cm-changedLine").first().waitFor();
  bob.page.once("dialog", (dialog) => dialog.accept());
  await version.getByRole("button", { name: "Restore" }).click();
  await bob.page.locator(".toast", { hasText: /restored/ }).waitFor();

  for (const { page, name } of [ada, bob]) {
    await awaitText(page, (t) => t === "# Plan\n\nversion one", `${name} shows the restored text`);
  }

  // The current text exports as a file.
  await ada.page.click("#open-history");
  const [download] = await Promise.all([
    ada.page.waitForEvent("download"),
    ada.page.getByRole("button", { name: "Export current text" }).click(),
  ]);
  assert.match(download.suggestedFilename(), /\.md$/);
  assert.equal(await readFile(await download.path(), "utf8"), "# Plan\n\nversion one");

  await ada.context.close();
  await bob.context.close();
});
