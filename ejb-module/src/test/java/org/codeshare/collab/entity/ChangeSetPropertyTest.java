package org.codeshare.collab.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ChangeSetPropertyTest {

  record Case(String doc, ChangeSet a, ChangeSet b) {}

  static Arbitrary<String> docs() {
    return Arbitraries.of(ChangeScript.TOKENS).list().ofMaxSize(16).map(t -> String.join("", t));
  }

  /** Edge cases only from the kinds and the list, or their combinations outnumber the tries. */
  static Arbitrary<List<ChangeScript.Edit>> edits() {
    Arbitrary<String> texts =
        Arbitraries.of(ChangeScript.TOKENS).list().ofMaxSize(3).map(t -> String.join("", t));
    return Combinators.combine(
            Arbitraries.of(ChangeScript.Kind.class),
            Arbitraries.integers().between(0, 6).withoutEdgeCases(),
            texts.withoutEdgeCases(),
            Arbitraries.just(false))
        .as(ChangeScript.Edit::new)
        .list()
        .ofMaxSize(6);
  }

  /** Two changes made at the same time to the same document. */
  @Provide
  Arbitrary<Case> concurrent() {
    return Combinators.combine(docs(), edits(), edits())
        .as(
            (doc, a, b) ->
                new Case(
                    doc,
                    ChangeScript.changes(doc.length(), a),
                    ChangeScript.changes(doc.length(), b)));
  }

  /** A change, then one made to the document it produced. */
  @Provide
  Arbitrary<Case> sequential() {
    return Combinators.combine(docs(), edits(), edits())
        .as(
            (doc, a, b) -> {
              ChangeSet first = ChangeScript.changes(doc.length(), a);
              return new Case(doc, first, ChangeScript.changes(first.newLength(), b));
            });
  }

  @Property
  void composedChangesDoWhatBothDoInTurn(@ForAll("sequential") Case c) {
    ChangeSet composed = c.a().compose(c.b());

    assertThat(composed.apply(c.doc())).isEqualTo(c.b().apply(c.a().apply(c.doc())));
    assertThat(c.a().desc().composeDesc(c.b().desc())).isEqualTo(composed.desc());
  }

  @Property
  void concurrentChangesConvergeWhicheverCameFirst(@ForAll("concurrent") Case c) {
    String afterA = c.a().apply(c.doc());
    String afterB = c.b().apply(c.doc());

    assertThat(c.b().map(c.a(), true).apply(afterA))
        .isEqualTo(c.a().map(c.b(), false).apply(afterB));
    assertThat(c.a().map(c.b(), true).apply(afterB))
        .isEqualTo(c.b().map(c.a(), false).apply(afterA));
    assertThat(c.a().compose(c.b().map(c.a())).apply(c.doc()))
        .isEqualTo(c.b().compose(c.a().map(c.b(), true)).apply(c.doc()));
  }

  @Property
  void mapDescMovesTheShapeAsMapMovesTheSet(@ForAll("concurrent") Case c) {
    for (boolean before : new boolean[] {false, true}) {
      assertThat(c.a().desc().mapDesc(c.b().desc(), before))
          .isEqualTo(c.a().map(c.b(), before).desc());
    }
  }

  @Property
  void jsonRoundTripsExactly(@ForAll("concurrent") Case c) {
    for (ChangeSet changes : List.of(c.a(), c.a().map(c.b()), c.a().map(c.b(), true))) {
      assertThat(ChangeSet.fromJson(changes.toJson())).isEqualTo(changes);
      assertThat(ChangeSet.fromJson(changes.toJson()).toJson()).isEqualTo(changes.toJson());
    }
  }

  @Property
  void mappingOverAnEmptySetChangesNothingAndAnEmptySetStaysEmpty(@ForAll("concurrent") Case c) {
    ChangeSet nothing = ChangeSet.empty(c.doc().length());

    assertThat(c.a().map(nothing)).isEqualTo(c.a());
    assertThat(c.a().map(nothing, true)).isEqualTo(c.a());
    ChangeSet mapped = nothing.map(c.a());
    assertThat(mapped.empty()).isTrue();
    assertThat(mapped.length()).isEqualTo(c.a().newLength());
    assertThat(mapped.apply(c.a().apply(c.doc()))).isEqualTo(c.a().apply(c.doc()));
    for (int pos = 0; pos <= c.doc().length(); pos++) {
      assertThat(nothing.mapPos(pos, 1)).isEqualTo(pos);
    }
  }

  @Property
  void invertedChangeRestoresTheDocument(@ForAll("concurrent") Case c) {
    String changed = c.a().apply(c.doc());

    assertThat(c.a().invert(c.doc()).apply(changed)).isEqualTo(c.doc());
    assertThat(c.a().compose(c.a().invert(c.doc())).apply(c.doc())).isEqualTo(c.doc());
  }

  @Property
  void positionsMapIntoTheNewDocument(@ForAll("concurrent") Case c) {
    int newLength = c.a().newLength();
    for (int pos = 0; pos <= c.doc().length(); pos++) {
      assertThat(c.a().mapPos(pos, -1)).isBetween(0, newLength);
      assertThat(c.a().mapPos(pos, 1)).isBetween(c.a().mapPos(pos, -1), newLength);
    }
  }
}
