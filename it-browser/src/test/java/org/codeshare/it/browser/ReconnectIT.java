package org.codeshare.it.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Offline mode and a dropped socket: edits typed meanwhile are counted as unsent, kept, and pushed
 * after the reconnect.
 */
@ExtendWith(BrowserAppExtension.class)
class ReconnectIT {

  @Test
  void editsTypedWhileTheLineIsDownArriveAfterTheReconnect(BrowserTests browser) {
    browser.passes("reconnect.test.mjs");
  }
}
