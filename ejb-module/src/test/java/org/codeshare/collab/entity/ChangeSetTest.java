package org.codeshare.collab.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChangeSetTest {

  static JsonArray json(String text) {
    return Json.createReader(new StringReader(text)).readArray();
  }

  static ChangeSet changes(String text) {
    return ChangeSet.fromJson(json(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "x", "one\ntwo\n", "\r\n😀", "\n"})
  void replaceAllTurnsAnyDocumentIntoTheText(String text) {
    for (var doc : new String[] {"", "old", "a\nb\nc", "😀\n"}) {
      assertThat(ChangeSet.replaceAll(doc, text).apply(doc)).isEqualTo(text);
    }
  }

  @Test
  void readsAndWritesCodeMirrorsJsonForm() {
    JsonArray json = json("[3, [2], [1, \"x\", \"y\"], 4, [0, \"z\"]]");

    ChangeSet changes = ChangeSet.fromJson(json);

    assertThat(changes.toJson()).isEqualTo(json);
    assertThat(changes.length()).isEqualTo(10);
    assertThat(changes.newLength()).isEqualTo(3 + 3 + 4 + 1);
    assertThat(changes.empty()).isFalse();
  }

  @Test
  void keepsDeletesAndReplaces() {
    assertThat(changes("[2, [3], 1]").apply("ab123c")).isEqualTo("abc");
    assertThat(changes("[[0, \"// \"], 6]").apply("return")).isEqualTo("// return");
    assertThat(changes("[4, [2, \"x\", \"y\"]]").apply("int a;")).isEqualTo("int x\ny");
    assertThat(changes("[[3], [0, \"z\"]]").apply("abc")).isEqualTo("z");
  }

  @Test
  void countsUtf16CodeUnitsSoAnEmojiIsTwoAndCrLfIsTwo() {
    String doc = "a😀\r\nb";

    ChangeSet changes = changes("[1, [2, \"👍\"], [2, \"\\r\", \"\"], 1]");

    assertThat(changes.length()).isEqualTo(doc.length()).isEqualTo(6);
    assertThat(changes.apply(doc)).isEqualTo("a👍\r\nb");
  }

  @Test
  void emptyChangeKeepsTheDocument() {
    assertThat(ChangeSet.empty(0).toJson()).isEqualTo(JsonValue.EMPTY_JSON_ARRAY);
    assertThat(ChangeSet.empty(5).empty()).isTrue();
    assertThat(ChangeSet.empty(5).apply("hello")).isEqualTo("hello");
    assertThat(changes("[5]").empty()).isTrue();
  }

  @Test
  void refusesADocumentOfTheWrongLength() {
    assertThatThrownBy(() -> changes("[3, [0, \"x\"]]").apply("abcd"))
        .isInstanceOf(InvalidChanges.class)
        .hasMessage("Cannot apply a change of length 3 to a document of length 4");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[-1]",
        "[[-2]]",
        "[1.5]",
        "[[2.5, \"x\"]]",
        "[3000000000]",
        "[2147483647, 1]",
        "[[0, \"x\"], 2147483647]",
        "[\"3\"]",
        "[true]",
        "[null]",
        "[{\"keep\": 3}]",
        "[[]]",
        "[[\"x\"]]",
        "[[1, 2]]",
        "[[1, \"x\", null]]",
        "[[[1]]]"
      })
  void rejectsMalformedJson(String text) {
    assertThatThrownBy(() -> changes(text))
        .isInstanceOf(InvalidChanges.class)
        .hasMessageStartingWith("Invalid change set JSON at index ");
  }

  @Test
  void rejectsJsonThatIsNoArray() {
    assertThatThrownBy(() -> ChangeSet.fromJson(Json.createValue(3)))
        .isInstanceOf(InvalidChanges.class)
        .hasMessage("A change set must be a JSON array, not NUMBER");
  }

  @Test
  void takesAnIntegerWrittenWithAFractionOfZeroAsJavaScriptDoes() {
    assertThat(changes("[1.0, [2e0]]").toJson()).isEqualTo(json("[1, [2]]"));
  }

  @Test
  void composesSequentialChanges() {
    ChangeSet first = changes("[2, [0, \"XY\"], 2]");
    ChangeSet second = changes("[1, [2], 3]");

    ChangeSet both = first.compose(second);

    assertThat(both.apply("abcd")).isEqualTo(second.apply(first.apply("abcd"))).isEqualTo("aYcd");
    assertThat(both.toJson()).isEqualTo(json("[1, [1, \"Y\"], 2]"));
  }

  @Test
  void refusesToComposeChangesThatDoNotFollowEachOther() {
    assertThatThrownBy(() -> changes("[2]").compose(changes("[3]")))
        .isInstanceOf(InvalidChanges.class)
        .hasMessage("Cannot compose a change to length 2 with a change of length 3");
  }

  @Test
  void ordersConcurrentInsertsAtOnePlaceByTheBeforeFlag() {
    ChangeSet mine = changes("[1, [0, \"A\"], 1]");
    ChangeSet theirs = changes("[1, [0, \"B\"], 1]");

    assertThat(mine.map(theirs, true).apply(theirs.apply("xy"))).isEqualTo("xABy");
    assertThat(mine.map(theirs, false).apply(theirs.apply("xy"))).isEqualTo("xBAy");
    assertThat(theirs.map(mine).apply(mine.apply("xy")))
        .isEqualTo(mine.map(theirs, true).apply(theirs.apply("xy")));
  }

  @Test
  void beforeOnlyOrdersChangesOfEqualLengthAtOnePlace() {
    ChangeSet replace = changes("[2, [2, \"Y\"]]");
    String replaced = replace.apply("abcd");
    ChangeSet insertAtItsStart = changes("[2, [0, \"X\"], 2]");
    ChangeSet replaceTheSame = changes("[2, [2, \"Z\"]]");

    assertThat(insertAtItsStart.map(replace, false).apply(replaced)).isEqualTo("abXY");
    assertThat(insertAtItsStart.map(replace, true).apply(replaced)).isEqualTo("abXY");
    assertThat(replaceTheSame.map(replace, false).apply(replaced)).isEqualTo("abYZ");
    assertThat(replaceTheSame.map(replace, true).apply(replaced)).isEqualTo("abZY");
  }

  @Test
  void insertInsideARangeAnotherClientDeletedSurvives() {
    ChangeSet insert = changes("[2, [0, \"!\"], 2]");
    ChangeSet delete = changes("[1, [2], 1]");

    assertThat(insert.map(delete).apply(delete.apply("abcd"))).isEqualTo("a!d");
    assertThat(delete.map(insert).apply(insert.apply("abcd"))).isEqualTo("a!d");
  }

  @Test
  void refusesToMapOverAChangeOfAnotherDocument() {
    assertThatThrownBy(() -> changes("[2]").map(changes("[[0, \"x\"], 3]")))
        .isInstanceOf(InvalidChanges.class)
        .hasMessage("Mismatched change set lengths: 2 and 3");
  }

  @Test
  void mapsPositionsWithTheirAssociation() {
    ChangeSet changes = changes("[2, [0, \"xyz\"], [2], 1]");

    assertThat(changes.mapPos(1)).isEqualTo(1);
    assertThat(changes.mapPos(2, -1)).isEqualTo(2);
    assertThat(changes.mapPos(2, 1)).isEqualTo(5);
    assertThat(changes.mapPos(3, 1)).isEqualTo(5);
    assertThat(changes.mapPos(5)).isEqualTo(6);
    assertThat(changes.mapPos(3, 1, MapMode.TRACK_DEL)).isEmpty();
    assertThat(changes.mapPos(2, 1, MapMode.TRACK_DEL)).hasValue(5);
    assertThatThrownBy(() -> changes.mapPos(6)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void invertTakesTheNewDocumentBack() {
    String doc = "line 1\r\nline 2 😀";
    ChangeSet changes = changes("[4, [4, \"\"], [0, \"x\", \"y\"], 7, [2]]");

    ChangeSet inverted = changes.invert(doc);

    assertThat(inverted.apply(changes.apply(doc))).isEqualTo(doc);
    assertThat(inverted.toJson()).isEqualTo(json("[4, [0, \" 1\\r\", \"\"], [3], 7, [0, \"😀\"]]"));
  }

  @Test
  void equalChangeSetsHaveEqualJson() {
    assertThat(changes("[1, [1, \"a\"]]")).isEqualTo(changes("[1, [1, \"a\"]]"));
    assertThat(changes("[1, [1, \"a\"]]")).isNotEqualTo(changes("[1, [1, \"b\"]]"));
    assertThat(changes("[1, [1, \"a\"]]").toString()).isEqualTo("[1,[1,\"a\"]]");
  }
}
