package org.codeshare.collab.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class RebasePropertyTest {

  @Provide
  Arbitrary<List<CollabSimulation.Action>> actions() {
    return Combinators.combine(
            Arbitraries.of(CollabSimulation.Kind.class),
            Arbitraries.integers().between(0, 2).withoutEdgeCases(),
            ChangeSetPropertyTest.edits())
        .as(CollabSimulation.Action::new)
        .list()
        .ofMaxSize(30);
  }

  @Property(tries = 300)
  void clientsPushingStaleUpdatesAllEndWithTheServersDocument(
      @ForAll("docs") String doc, @ForAll("actions") List<CollabSimulation.Action> actions) {
    CollabSimulation simulation = new CollabSimulation(doc, 3);

    simulation.run(actions);
    simulation.settle();

    String replayed = doc;
    for (Update update : simulation.history) {
      replayed = update.changes().apply(replayed);
    }
    assertThat(simulation.serverDoc).isEqualTo(replayed);
    for (CollabSimulation.Client client : simulation.clients) {
      assertThat(client.doc).as(client.id).isEqualTo(simulation.serverDoc);
      assertThat(client.unconfirmed).as(client.id).isEmpty();
      assertThat(client.version).as(client.id).isEqualTo(simulation.history.size());
    }
  }

  @Property(tries = 300)
  void pushingTheSameUpdatesAgainAddsNothing(
      @ForAll("docs") String doc, @ForAll("actions") List<CollabSimulation.Action> actions) {
    CollabSimulation simulation = new CollabSimulation(doc, 3);
    simulation.run(actions);
    CollabSimulation.Client client = simulation.clients.get(0);
    simulation.push(client);
    int version = simulation.history.size();
    String current = simulation.serverDoc;

    simulation.push(client);

    assertThat(simulation.history).hasSize(version);
    assertThat(simulation.serverDoc).isEqualTo(current);
  }

  @Provide
  Arbitrary<String> docs() {
    return ChangeSetPropertyTest.docs();
  }
}
