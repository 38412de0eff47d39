package org.codeshare.collab.entity;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.List;
import java.util.Map;
import org.codeshare.chat.entity.ChatLine;
import org.codeshare.presence.entity.Peer;
import org.codeshare.rooms.entity.RoomRole;

/**
 * What the server sends over the editor socket (protocol version 1), as JSON text. A message for
 * many recipients is written once and the same text sent to each.
 */
public final class ServerMessages {

  private static final JsonBuilderFactory JSON =
      JsonProvider.provider().createBuilderFactory(Map.of());

  private ServerMessages() {}

  /** The document as it is at {@code version}, and who is here. */
  public record Hello(
      long version,
      String doc,
      String language,
      Peer you,
      boolean canEdit,
      List<Peer> peers,
      List<ChatLine> chat,
      JsonObject limits) {}

  public static String hello(Hello hello) {
    var peers = JSON.createArrayBuilder();
    hello.peers().forEach(peer -> peers.add(peer(peer)));
    var chat = JSON.createArrayBuilder();
    hello.chat().forEach(line -> chat.add(chat(line)));
    return text(
        message("hello")
            .add("version", hello.version())
            .add("doc", hello.doc())
            .add("language", hello.language())
            .add("you", peer(hello.you()).add("canEdit", hello.canEdit()))
            .add("peers", peers)
            .add("chat", chat)
            .add("limits", hello.limits())
            .build());
  }

  /** Updates {@code from + 1} to {@code from + updates.size()}, in order. */
  public static String updates(long from, List<Update> updates) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    for (Update update : updates) {
      array.add(
          JSON.createObjectBuilder()
              .add("clientID", update.clientId())
              .add("changes", update.changes().toJson()));
    }
    return text(message("updates").add("from", from).add("updates", array).build());
  }

  public static String joined(Peer peer) {
    return text(message("presence").add("joined", peer(peer)).build());
  }

  public static String left(Peer peer) {
    return text(message("presence").add("left", peer(peer)).build());
  }

  /** The receiver's rights changed: its role, and whether it may edit now. */
  public static String access(RoomRole role, boolean canEdit) {
    return text(message("access").add("role", role.name()).add("canEdit", canEdit).build());
  }

  public static String cursor(String peer, ClientMessage.Cursor cursor) {
    var message = message("cursor").add("peer", peer).add("ranges", cursor.ranges());
    if (cursor.version() != null) {
      message.add("version", cursor.version());
    }
    return text(message.build());
  }

  public static String chat(ChatLine line, String color) {
    return text(message("chat").addAll(chat(line)).add("color", color).build());
  }

  public static String error(String code, String message) {
    return text(message("error").add("code", code).add("message", message).build());
  }

  /** The room's settings after an owner or editor changed them. */
  public static String room(String title, String language, String linkAccess, boolean locked) {
    return text(
        message("room")
            .add("title", title)
            .add("language", language)
            .add("linkAccess", linkAccess)
            .add("locked", locked)
            .build());
  }

  public static String pong() {
    return text(message("pong").build());
  }

  private static String text(JsonObject message) {
    return JsonText.wellFormed(message.toString());
  }

  private static JsonObjectBuilder message(String type) {
    return JSON.createObjectBuilder().add("v", ClientMessage.PROTOCOL).add("type", type);
  }

  private static JsonObjectBuilder peer(Peer peer) {
    return JSON.createObjectBuilder()
        .add("id", peer.id())
        .add("name", peer.name())
        .add("color", peer.color())
        .add("role", peer.role().name());
  }

  private static JsonObjectBuilder chat(ChatLine line) {
    var json =
        JSON.createObjectBuilder()
            .add("id", line.id())
            .add("name", line.name())
            .add("text", line.text())
            .add("at", line.at().toString());
    if (line.peer() != null) {
      json.add("peer", line.peer());
    }
    return json;
  }
}
