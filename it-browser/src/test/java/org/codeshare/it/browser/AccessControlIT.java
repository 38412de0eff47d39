package org.codeshare.it.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A viewer's editor is read-only with a badge, a locked room is read-only for non-owners while it
 * is open, and a language change reaches the other open editors.
 */
@ExtendWith(BrowserAppExtension.class)
class AccessControlIT {

  @Test
  void viewersAndLockedRoomsCannotEditAndLanguageChangesReachEveryone(BrowserTests browser) {
    browser.passes("access.test.mjs");
  }
}
