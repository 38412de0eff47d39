package org.codeshare.collab.control;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.codeshare.chat.entity.ChatLine;
import org.codeshare.collab.entity.ServerMessages;
import org.codeshare.presence.entity.Peer;

/**
 * The {@code hello} a connection gets on joining (or when it must start again): the room's text and
 * version, its own identity and rights, everyone else in the room on every node, the recent chat
 * and the limits.
 */
final class Greeting {

  private static final Logger LOG = Logger.getLogger(Greeting.class.getName());

  private Greeting() {}

  static String hello(
      RoomSequencer rooms,
      UUID roomId,
      Members members,
      long version,
      String doc,
      Participant participant) {
    List<ChatLine> chat;
    try {
      chat =
          rooms.chatLog().recent(roomId, rooms.settings().chatHistory()).stream()
              .map(message -> ChatLine.of(message, null))
              .toList();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "chat history unavailable in room " + roomId, e);
      chat = List.of();
    }
    var peers = new ArrayList<>(members.peersBut(participant.id()));
    var here = peers.stream().map(Peer::id).collect(Collectors.toSet());
    rooms.presence().elsewhere(roomId).stream()
        .filter(peer -> here.add(peer.id()) && !peer.id().equals(participant.id()))
        .forEach(peers::add);
    return ServerMessages.hello(
        new ServerMessages.Hello(
            version,
            doc,
            participant.language(),
            participant.peer(),
            participant.canEdit(),
            peers,
            chat,
            rooms.settings().clientLimits()));
  }
}
