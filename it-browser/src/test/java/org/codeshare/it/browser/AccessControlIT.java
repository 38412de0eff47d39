package org.codeshare.it.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A viewer's editor is read-only with a badge, a locked room is read-only for non-owners while it
 * is open, a language change reaches the other open editors; accounts: register, my rooms, sign out
 * and in.
 */
@ExtendWith(BrowserAppExtension.class)
class AccessControlIT {

  @Test
  void viewersAndLockedRoomsCannotEditLanguageChangesReachEveryoneAccountsSignIn(
      BrowserTests browser) {
    browser.passes("access.test.mjs");
  }
}
