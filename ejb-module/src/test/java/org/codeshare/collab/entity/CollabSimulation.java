package org.codeshare.collab.entity;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * An authority and its clients, in one thread. The authority rebases stale pushes with {@link
 * Rebase}; clients receive updates as {@code @codemirror/collab}'s {@code receiveUpdates} does. The
 * events are logged so that CodeMirror can replay the same session under Node.
 */
final class CollabSimulation {

  private static final JsonProvider JSON = JsonProvider.provider();

  enum Kind {
    EDIT,
    PUSH,
    PULL
  }

  record Action(Kind kind, int client, List<ChangeScript.Edit> edits) {}

  record RebaseCall(List<Update> updates, List<Update> over, List<Update> result) {}

  final class Client {
    final String id;
    String doc;
    int version;
    List<Update> unconfirmed = new ArrayList<>();

    Client(String id) {
      this.id = id;
      this.doc = initialDoc;
    }

    void receive(List<Update> updates) {
      version += updates.size();
      ChangeSet changes = null;
      int own = 0;
      for (Update update : updates) {
        Update ours = own < unconfirmed.size() ? unconfirmed.get(own) : null;
        if (ours != null && ours.clientId().equals(update.clientId())) {
          if (changes != null) {
            changes = changes.map(ours.changes(), true);
          }
          own++;
        } else {
          changes = changes == null ? update.changes() : changes.compose(update.changes());
        }
      }
      List<Update> mapped = new ArrayList<>();
      for (Update update : unconfirmed.subList(own, unconfirmed.size())) {
        if (changes != null) {
          ChangeSet updateChanges = update.changes().map(changes);
          changes = changes.map(update.changes(), true);
          update = new Update(id, updateChanges);
        }
        mapped.add(update);
      }
      unconfirmed = mapped;
      if (changes != null) {
        doc = changes.apply(doc);
      }
    }
  }

  final String initialDoc;
  final List<Client> clients = new ArrayList<>();
  final List<Update> history = new ArrayList<>();
  final List<RebaseCall> rebaseCalls = new ArrayList<>();
  private final List<JsonObject> events = new ArrayList<>();
  String serverDoc;

  CollabSimulation(String initialDoc, int clientCount) {
    this.initialDoc = initialDoc;
    this.serverDoc = initialDoc;
    for (int i = 0; i < clientCount; i++) {
      clients.add(new Client("client-" + i));
    }
  }

  static List<Action> randomActions(Random random, int clientCount, int count) {
    List<Action> actions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int roll = random.nextInt(6);
      Kind kind = roll < 3 ? Kind.EDIT : roll < 5 ? Kind.PUSH : Kind.PULL;
      actions.add(new Action(kind, random.nextInt(clientCount), ChangeScript.randomEdits(random)));
    }
    return actions;
  }

  void run(List<Action> actions) {
    for (Action action : actions) {
      Client client = clients.get(action.client() % clients.size());
      switch (action.kind()) {
        case EDIT -> edit(client, action.edits());
        case PUSH -> push(client);
        case PULL -> pull(client);
      }
    }
  }

  /** Every client pushes what it has, then every client pulls everything. */
  void settle() {
    clients.forEach(this::push);
    clients.forEach(this::pull);
  }

  void edit(Client client, List<ChangeScript.Edit> edits) {
    ChangeSet changes = ChangeScript.changes(client.doc.length(), edits);
    events.add(event(Kind.EDIT, client).add("changes", changes.toJson()).build());
    client.doc = changes.apply(client.doc);
    if (!changes.empty()) {
      client.unconfirmed.add(new Update(client.id, changes));
    }
  }

  void push(Client client) {
    events.add(event(Kind.PUSH, client).build());
    List<Update> pushed = List.copyOf(client.unconfirmed);
    List<Update> over = List.copyOf(history.subList(client.version, history.size()));
    List<Update> rebased = Rebase.rebaseUpdates(pushed, over);
    rebaseCalls.add(new RebaseCall(pushed, over, rebased));
    for (Update update : rebased) {
      serverDoc = update.changes().apply(serverDoc);
      history.add(update);
    }
  }

  void pull(Client client) {
    events.add(event(Kind.PULL, client).build());
    client.receive(List.copyOf(history.subList(client.version, history.size())));
  }

  private JsonObjectBuilder event(Kind kind, Client client) {
    return JSON.createObjectBuilder()
        .add("type", kind.name().toLowerCase())
        .add("client", clients.indexOf(client));
  }

  JsonObject replay() {
    return JSON.createObjectBuilder()
        .add("doc", initialDoc)
        .add("clients", clients.size())
        .add("events", JSON.createArrayBuilder(events))
        .build();
  }

  static JsonArray json(List<Update> updates) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    for (Update update : updates) {
      array.add(
          JSON.createObjectBuilder()
              .add("clientID", update.clientId())
              .add("changes", update.changes().toJson()));
    }
    return array.build();
  }
}
