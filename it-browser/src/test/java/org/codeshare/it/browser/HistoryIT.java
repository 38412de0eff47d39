package org.codeshare.it.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The history panel against the snapshots API: save a version, edit, preview it as a diff, restore
 * it and both editors show it; export the current text.
 */
@ExtendWith(BrowserAppExtension.class)
class HistoryIT {

  @Test
  void aSavedVersionRestoredFromTheHistoryPanelReplacesTheTextForEveryone(BrowserTests browser) {
    browser.passes("history.test.mjs");
  }
}
