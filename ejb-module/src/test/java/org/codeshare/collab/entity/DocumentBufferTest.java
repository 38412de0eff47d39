package org.codeshare.collab.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DocumentBufferTest {

  /** A run of edits, each on the text the one before produced, as a room's commits are. */
  @Property(tries = 300)
  void editedInPlaceItReadsAsTheStringsDo(@ForAll @IntRange(min = 0, max = 10_000) int seed) {
    var random = new Random(seed);
    String expected = ChangeScript.randomDoc(random);
    var buffer = new DocumentBuffer(expected);
    for (int step = random.nextInt(40); step > 0; step--) {
      var changes = ChangeScript.changes(expected.length(), ChangeScript.randomEdits(random));
      expected = changes.apply(expected);
      buffer.apply(changes);
      assertThat(buffer.length()).isEqualTo(expected.length());
      if (random.nextInt(3) == 0) {
        assertThat(buffer.text()).isEqualTo(expected);
      }
      if (random.nextInt(8) == 0) {
        buffer.release(); // as a snapshot round does
      }
    }
    assertThat(buffer.text()).isEqualTo(expected);
  }

  @Test
  void growsPastItsArraysAndShrinksBack() {
    var buffer = new DocumentBuffer("ab");
    String expected = "ab";
    for (int i = 0; i < 200; i++) { // insert 100 characters at the middle, 200 times
      var insert = "x".repeat(99) + "\n";
      var changes =
          ChangeSet.fromJson(jsonInsert(expected.length(), expected.length() / 2, insert));
      expected = changes.apply(expected);
      buffer.apply(changes);
    }
    assertThat(buffer.text()).isEqualTo(expected).hasSize(20_002);

    var all = ChangeSet.replaceAll(expected, "short 😀");
    buffer.apply(all);
    assertThat(buffer.text()).isEqualTo("short 😀");
    assertThat(buffer.length()).isEqualTo(8);
  }

  @Test
  void theTextIsMadeOncePerChange() {
    var buffer = new DocumentBuffer("one");
    assertThat(buffer.text()).isSameAs(buffer.text());
    var before = buffer.text();
    buffer.apply(ChangeSet.fromJson(jsonInsert(3, 3, " two")));
    assertThat(buffer.text()).isEqualTo("one two").isSameAs(buffer.text());
    assertThat(before).isEqualTo("one");
  }

  @Test
  void releasedItKeepsTheTextAndTakesChangesAgain() {
    var buffer = new DocumentBuffer("one");
    buffer.apply(ChangeSet.fromJson(jsonInsert(3, 3, " two")));
    buffer.release();
    assertThat(buffer.text()).isEqualTo("one two");
    assertThat(buffer.length()).isEqualTo(7);

    buffer.apply(ChangeSet.fromJson(jsonInsert(7, 0, "zero ")));
    assertThat(buffer.text()).isEqualTo("zero one two");
  }

  @Test
  void aChangeOfAnotherLengthIsRefusedAndChangesNothing() {
    var buffer = new DocumentBuffer("abc");
    var wrong = ChangeSet.fromJson(jsonInsert(5, 1, "z"));

    assertThatThrownBy(() -> buffer.apply(wrong)).isInstanceOf(InvalidChanges.class);
    assertThat(buffer.text()).isEqualTo("abc");
    assertThat(buffer.length()).isEqualTo(3);
  }

  @Test
  void anEmptyChangeLeavesTheText() {
    var buffer = new DocumentBuffer("abc");
    var text = buffer.text();
    buffer.apply(ChangeSet.empty(3));
    assertThat(buffer.text()).isSameAs(text);
  }

  private static jakarta.json.JsonArray jsonInsert(int length, int at, String text) {
    var json = jakarta.json.Json.createArrayBuilder();
    if (at > 0) {
      json.add(at);
    }
    var part = jakarta.json.Json.createArrayBuilder().add(0);
    List.of(text.split("\n", -1)).forEach(part::add);
    json.add(part);
    if (length > at) {
      json.add(length - at);
    }
    return json.build();
  }
}
