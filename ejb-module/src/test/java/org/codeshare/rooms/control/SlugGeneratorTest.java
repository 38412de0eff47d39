package org.codeshare.rooms.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

class SlugGeneratorTest {

  @Test
  void slugsHaveTheConfiguredLengthAndOnlyUnambiguousCharacters() {
    var generator = new SlugGenerator(10);
    for (int i = 0; i < 1_000; i++) {
      var slug = generator.next();
      assertThat(slug).hasSize(10).doesNotContainAnyWhitespaces().matches("[^0O1lI]+");
      assertThat(SlugGenerator.isWellFormed(slug)).isTrue();
    }
  }

  @Test
  void slugsDoNotRepeatInALargeSample() {
    var generator = new SlugGenerator(10);
    var seen = new HashSet<String>();
    for (int i = 0; i < 100_000; i++) {
      seen.add(generator.next());
    }
    assertThat(seen).hasSize(100_000);
  }

  @Test
  void everyCharacterOfTheAlphabetIsUsed() {
    var generator = new SlugGenerator(32);
    var used = new HashSet<Character>();
    for (int i = 0; i < 2_000; i++) {
      generator.next().chars().forEach(c -> used.add((char) c));
    }
    assertThat(used).hasSize(SlugGenerator.ALPHABET.length());
  }

  @Test
  void malformedSlugsAreRecognised() {
    assertThat(SlugGenerator.isWellFormed(null)).isFalse();
    assertThat(SlugGenerator.isWellFormed("abc")).isFalse();
    assertThat(SlugGenerator.isWellFormed("../../etc/passwd")).isFalse();
    assertThat(SlugGenerator.isWellFormed("x".repeat(33))).isFalse();
  }

  @Test
  void tooShortSlugsAreRefused() {
    assertThatThrownBy(() -> new SlugGenerator(6)).isInstanceOf(IllegalArgumentException.class);
  }
}
