// Two people edit one room at once: the same text for both, each other's cursor and presence,
// chat both ways. Also takes the README's screenshots.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  useBrowser, person, createRoom, openRoom, typeAtEnd, awaitSameText, awaitLabelOnLine, artifact,
} from "./app.mjs";

useBrowser();

test("two people typing at once end with the same text and see each other", async () => {
  const ada = await person("Ada");
  const bob = await person("Bob");

  await ada.page.goto("/");
  await ada.page.screenshot({ path: artifact("landing.png") });

  const url = await createRoom(ada.page, "python");
  await bob.page.goto("/");
  await bob.page.fill("#join-target", url);
  await bob.page.click("#join-target ~ button");
  await bob.page.waitForURL(url);
  await openRoom(bob.page, url);

  await typeAtEnd(ada.page, "def greet(name):\n");
  await awaitSameText([ada.page, bob.page], "Bob sees Ada's first line");

  // Ada writes the body of the function while Bob writes below it.
  const adaLines = ['"""Greets someone by name."""', 'return f"Hello, {name}!"'];
  const bobLines = ["", "", 'if __name__ == "__main__":', '    print(greet("Bob"))'];
  await typeAtEnd(bob.page, "");
  await ada.page.keyboard.press("Control+Home");
  await ada.page.keyboard.press("End");
  await Promise.all([
    (async () => {
      for (const line of adaLines) {
        await ada.page.keyboard.press("Enter"); // indents the function body
        await typeWords(ada.page, line);
      }
    })(),
    (async () => {
      for (const line of bobLines) {
        await bob.page.keyboard.insertText("\n");
        await typeWords(bob.page, line);
      }
    })(),
  ]);

  const text = await awaitSameText([ada.page, bob.page], "both editors converge");
  for (const line of [...adaLines, ...bobLines]) assert.ok(text.includes(line), `${line} is in ${JSON.stringify(text)}`);
  assert.ok(text.startsWith("def greet(name):\n"), text);

  // Each sees the other's cursor with a name label where it is (after the last word each typed,
  // though the cursor may have arrived before the words), and in the people list.
  await awaitLabelOnLine(ada.page, "Bob", 'print(greet("Bob"))');
  await awaitLabelOnLine(bob.page, "Ada", 'return f"Hello, {name}!"');
  await ada.page.locator(".people .person-name", { hasText: "Bob" }).waitFor();
  await bob.page.locator(".people .person-name", { hasText: "Ada" }).waitFor();
  assert.equal(await ada.page.locator(".people .person").count(), 2);

  // Chat goes both ways.
  await ada.page.fill("#chat-input", "Shall we add a docstring?");
  await ada.page.keyboard.press("Enter");
  await bob.page.locator(".chat-text", { hasText: "Shall we add a docstring?" }).waitFor();
  await bob.page.fill("#chat-input", "Yes, on it.");
  await bob.page.click(".chat-form button[type=submit]");
  await ada.page.locator(".chat-text", { hasText: "Yes, on it." }).waitFor();

  // A late joiner gets the chat history.
  const cy = await person("Cy");
  await openRoom(cy.page, url);
  await cy.page.locator(".chat-text", { hasText: "Shall we add a docstring?" }).waitFor();

  // Bob selects a line, Cy puts his cursor into the greeting: Ada sees both, with names.
  await bob.page.locator(".cm-line", { hasText: "print(greet" }).click();
  await bob.page.keyboard.press("End");
  await bob.page.keyboard.press("Shift+Home");
  await cy.page.locator(".cm-content").click();
  await cy.page.keyboard.press("Control+Home");
  await cy.page.keyboard.press("ArrowDown");
  await cy.page.keyboard.press("End");
  await ada.page.locator(".cm-remote-selection").first().waitFor();
  await ada.page.locator(".cm-remote-label", { hasText: "Cy" }).waitFor();
  await ada.page.locator(".cm-content").click();
  await ada.page.keyboard.press("Control+Home");
  await ada.page.screenshot({ path: artifact("room.png") });
  await cy.context.close();

  await ada.context.close();
  await bob.context.close();
});

/** Many small edits, a word at a time (inserted as text, so no bracket or quote is auto-closed). */
async function typeWords(page, line) {
  for (const word of line.split(/(?<= )/)) {
    await page.keyboard.insertText(word);
  }
}
