package org.codeshare.snapshots.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Wtf8Test {

  @ParameterizedTest
  @ValueSource(
      strings = {"", "plain", "é ü €", "😀 and \uD83D alone", "\uDE00 low first", "a\uD83D"})
  void everyDocumentReadsBackExactly(String text) {
    assertThat(Wtf8.decode(Wtf8.encode(text))).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain", "é ü € 😀\r\n"})
  void wellFormedTextIsPlainUtf8(String text) {
    assertThat(Wtf8.encode(text)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
  }
}
