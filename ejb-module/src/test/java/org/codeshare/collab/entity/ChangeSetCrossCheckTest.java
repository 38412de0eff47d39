package org.codeshare.collab.entity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The port against the original: a few hundred random cases, documents with surrogate pairs and
 * {@code \r\n} included, go to CodeMirror under Node in one batch, and every answer must equal
 * Java's to the last section. Fails, never skips, when Node or the npm packages are missing.
 */
class ChangeSetCrossCheckTest {

  private static final JsonProvider JSON = JsonProvider.provider();

  private static final long SEED = 0x5EED_C0DEL;
  private static final int OPS = 400;
  private static final int SIMULATIONS = 60;
  private static final List<MapMode> MODES = List.of(MapMode.values());

  @Test
  void javaPortAgreesWithCodeMirrorOnApplyMapComposeAndRebase() throws Exception {
    Random random = new Random(SEED);
    List<JsonObject> ops = new ArrayList<>();
    for (int i = 0; i < OPS; i++) {
      ops.add(randomOp(random, i % 4 == 3));
    }
    List<CollabSimulation> simulations = new ArrayList<>();
    List<CollabSimulation.RebaseCall> rebases = new ArrayList<>();
    for (int i = 0; i < SIMULATIONS; i++) {
      int clients = 1 + random.nextInt(3);
      CollabSimulation simulation = new CollabSimulation(ChangeScript.randomDoc(random), clients);
      simulation.run(CollabSimulation.randomActions(random, clients, 10 + random.nextInt(30)));
      simulation.settle();
      simulations.add(simulation);
      rebases.addAll(simulation.rebaseCalls);
    }
    assertThat(rebases.stream().filter(call -> !call.over().isEmpty() && !call.updates().isEmpty()))
        .as("stale pushes among the rebase cases")
        .hasSizeGreaterThan(100);

    JsonObject codeMirror =
        CodeMirrorOracle.run(
            JSON.createObjectBuilder()
                .add("ops", JSON.createArrayBuilder(ops))
                .add("rebases", array(rebases.stream().map(ChangeSetCrossCheckTest::rebaseCase)))
                .add("simulations", array(simulations.stream().map(CollabSimulation::replay)))
                .build());

    List<String> mismatches = new ArrayList<>();
    compare("op", ops, codeMirror.getJsonArray("ops"), ops.stream().map(this::javaOp), mismatches);
    compare(
        "rebase",
        rebases.stream().map(ChangeSetCrossCheckTest::rebaseCase).toList(),
        codeMirror.getJsonArray("rebases"),
        rebases.stream().map(call -> CollabSimulation.json(call.result())),
        mismatches);
    compare(
        "simulation",
        simulations.stream().map(CollabSimulation::replay).toList(),
        codeMirror.getJsonArray("simulations"),
        simulations.stream().map(ChangeSetCrossCheckTest::outcome),
        mismatches);
    assertThat(mismatches).isEmpty();
  }

  private static JsonObject randomOp(Random random, boolean raw) {
    String doc = ChangeScript.randomDoc(random);
    JsonArray a = ChangeScript.json(doc.length(), ChangeScript.randomEdits(random), raw);
    JsonArray b = ChangeScript.json(doc.length(), ChangeScript.randomEdits(random), raw);
    int afterA = ChangeSet.fromJson(a).newLength();
    JsonArray c = ChangeScript.json(afterA, ChangeScript.randomEdits(random), raw);
    return JSON.createObjectBuilder()
        .add("doc", doc)
        .add("a", a)
        .add("b", b)
        .add("c", c)
        .add(
            "positions",
            JSON.createArrayBuilder()
                .add(0)
                .add(random.nextInt(doc.length() + 1))
                .add(doc.length()))
        .build();
  }

  private JsonValue javaOp(JsonObject op) {
    String doc = op.getString("doc");
    ChangeSet a = ChangeSet.fromJson(op.getJsonArray("a"));
    ChangeSet b = ChangeSet.fromJson(op.getJsonArray("b"));
    ChangeSet c = ChangeSet.fromJson(op.getJsonArray("c"));
    JsonArrayBuilder mapPos = JSON.createArrayBuilder();
    for (JsonValue pos : op.getJsonArray("positions")) {
      for (int assoc : new int[] {-1, 1}) {
        for (MapMode mode : MODES) {
          mapPos.add(
              attempt(
                  () -> {
                    var mapped = a.mapPos(((JsonNumber) pos).intValue(), assoc, mode);
                    return mapped.isPresent()
                        ? JSON.createValue(mapped.getAsInt())
                        : JsonValue.NULL;
                  }));
        }
      }
    }
    return JSON.createObjectBuilder()
        .add(
            "lengths",
            JSON.createArrayBuilder()
                .add(a.length())
                .add(a.newLength())
                .add(a.empty())
                .add(b.empty()))
        .add("applyA", attempt(() -> JSON.createValue(a.apply(doc))))
        .add("applyB", attempt(() -> JSON.createValue(b.apply(doc))))
        .add("aMapB", attempt(() -> a.map(b).toJson()))
        .add("aMapBBefore", attempt(() -> a.map(b, true).toJson()))
        .add("bMapA", attempt(() -> b.map(a).toJson()))
        .add("bMapABefore", attempt(() -> b.map(a, true).toJson()))
        .add("compose", attempt(() -> a.compose(c).toJson()))
        .add("composeApply", attempt(() -> JSON.createValue(a.compose(c).apply(doc))))
        .add("invertA", attempt(() -> a.invert(doc).toJson()))
        .add(
            "descMap", attempt(() -> JSON.createValue(a.desc().mapDesc(b.desc(), true).toString())))
        .add(
            "descCompose",
            attempt(() -> JSON.createValue(a.desc().composeDesc(c.desc()).toString())))
        .add("mapPos", mapPos)
        .build();
  }

  private static JsonObject rebaseCase(CollabSimulation.RebaseCall call) {
    return JSON.createObjectBuilder()
        .add("updates", CollabSimulation.json(call.updates()))
        .add("over", CollabSimulation.json(call.over()))
        .build();
  }

  private static JsonObject outcome(CollabSimulation simulation) {
    return JSON.createObjectBuilder()
        .add("serverDoc", simulation.serverDoc)
        .add("history", CollabSimulation.json(simulation.history))
        .add("clientDocs", array(simulation.clients.stream().map(c -> JSON.createValue(c.doc))))
        .add(
            "unconfirmed",
            array(simulation.clients.stream().map(c -> JSON.createValue(c.unconfirmed.size()))))
        .build();
  }

  private static JsonValue attempt(Supplier<JsonValue> computation) {
    try {
      return computation.get();
    } catch (RuntimeException e) {
      return JSON.createObjectBuilder().add("error", String.valueOf(e.getMessage())).build();
    }
  }

  private static JsonArray array(Stream<? extends JsonValue> values) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    values.forEach(array::add);
    return array.build();
  }

  private static void compare(
      String kind,
      List<JsonObject> inputs,
      JsonArray codeMirror,
      Stream<? extends JsonValue> java,
      List<String> mismatches) {
    assertThat(codeMirror).as("%s answers from CodeMirror", kind).hasSameSizeAs(inputs);
    List<? extends JsonValue> ours = java.toList();
    for (int i = 0; i < inputs.size(); i++) {
      if (!ours.get(i).equals(codeMirror.get(i))) {
        mismatches.add(
            "%s %d %s%n  java:       %s%n  codemirror: %s"
                .formatted(kind, i, inputs.get(i), ours.get(i), codeMirror.get(i)));
      }
    }
  }
}
