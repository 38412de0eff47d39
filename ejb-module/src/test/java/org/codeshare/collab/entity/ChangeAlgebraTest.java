package org.codeshare.collab.entity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Two single replacements with kept text between them map over each other without walking their
 * sections; the result must be the very sets the section walk builds, text included.
 */
class ChangeAlgebraTest {

  record Pair(ChangeSet a, ChangeSet b) {}

  record Edit(int from, int deleted, String text) {}

  @Provide
  Arbitrary<Pair> replacements() {
    var edits =
        Combinators.combine(
                Arbitraries.integers().between(0, 12),
                Arbitraries.integers().between(0, 3),
                Arbitraries.of(ChangeScript.TOKENS)
                    .list()
                    .ofMaxSize(2)
                    .map(t -> String.join("", t)))
            .as(Edit::new);
    return Combinators.combine(Arbitraries.integers().between(0, 12), edits, edits)
        .as((length, a, b) -> new Pair(replacement(length, a), replacement(length, b)));
  }

  @Property(tries = 2000)
  void apartOrNotTheMapIsTheSectionWalks(@ForAll("replacements") Pair pair) {
    for (boolean before : new boolean[] {false, true}) {
      for (boolean mkSet : new boolean[] {false, true}) {
        var mapped = ChangeAlgebra.mapSet(pair.a(), pair.b(), before, mkSet);
        var walked = ChangeAlgebra.mapSections(pair.a(), pair.b(), before, mkSet);

        assertThat(mapped).isEqualTo(walked);
        assertThat(mapped.getClass()).isEqualTo(walked.getClass());
        assertThat(mapped.length()).isEqualTo(walked.length());
        assertThat(mapped.newLength()).isEqualTo(walked.newLength());
      }
    }
  }

  @Test
  void pairsApartInALongDocumentKeepTheirShapeAndTexts() {
    var random = new Random(7);
    int apart = 0;
    for (int i = 0; i < 1000; i++) {
      var editA = edit(random, 200);
      var editB = edit(random, 200);
      var a = replacement(200, editA);
      var b = replacement(200, editB);
      var mapped = a.map(b);

      assertThat(mapped).isEqualTo(ChangeAlgebra.mapSections(a, b, false, true));
      if (editB.from() + editB.deleted() < editA.from()
          || editB.from() > editA.from() + editA.deleted()) {
        apart++;
        assertThat(mapped.sections.length).as("%s over %s", a, b).isEqualTo(a.sections.length);
        assertThat(mapped.inserted()).isSameAs(a.inserted());
        assertThat(mapped.apply(b.apply("x".repeat(200))).length())
            .isEqualTo(200 + grown(a) + grown(b));
      }
    }
    assertThat(apart).isGreaterThan(900);
  }

  @Test
  void aChangeOfSeveralSectionsIsNotASingleReplacement() {
    assertThat(ChangeSetTest.changes("[1,[1,\"x\"],1,[0,\"y\"]]").singleFrom).isEqualTo(-1);
    assertThat(ChangeSetTest.changes("[2,3]").singleFrom).isEqualTo(-1);
    assertThat(ChangeSetTest.changes("[2,[0],3]").singleFrom).isEqualTo(-1);
    assertThat(ChangeSetTest.changes("[0,[1,\"x\"],3]").singleFrom).isEqualTo(-1);
    assertThat(ChangeSetTest.changes("[2,[1,\"x\"],3]").singleFrom).isEqualTo(2);
    assertThat(ChangeSetTest.changes("[[1,\"x\"],3]").singleFrom).isEqualTo(0);
    assertThat(ChangeSetTest.changes("[4,[1]]").singleFrom).isEqualTo(4);
  }

  private static int grown(ChangeSet changes) {
    return changes.newLength() - changes.length();
  }

  private static Edit edit(Random random, int length) {
    int from = random.nextInt(length + 1);
    int deleted = random.nextInt(Math.min(3, length - from) + 1);
    return new Edit(from, deleted, random.nextBoolean() ? "ab" : deleted == 0 ? "x" : "");
  }

  /**
   * {@code edit} clamped to a document of {@code length}; an empty one is CodeMirror's {@code [0]}.
   */
  private static ChangeSet replacement(int length, Edit edit) {
    int from = Math.min(edit.from(), length);
    int deleted = Math.min(edit.deleted(), length - from);
    var replaced = Json.createArrayBuilder().add(deleted);
    if (!edit.text().isEmpty()) {
      for (var line : edit.text().split("\n", -1)) {
        replaced.add(line);
      }
    }
    var parts = Json.createArrayBuilder();
    if (from > 0) {
      parts.add(from);
    }
    parts.add(replaced);
    if (length - from - deleted > 0) {
      parts.add(length - from - deleted);
    }
    return ChangeSet.fromJson(parts.build());
  }
}
