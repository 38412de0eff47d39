package org.codeshare.it.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two people in one room: the same text after typing at once, each other's cursor, selection and
 * presence, chat both ways and its history for a late joiner; saves the landing and room
 * screenshots.
 */
@ExtendWith(BrowserAppExtension.class)
class CollaborationIT {

  @Test
  void twoPeopleTypingAtOnceSeeTheSameTextEachOthersCursorsAndChat(BrowserTests browser) {
    browser.passes("collaboration.test.mjs");
  }
}
