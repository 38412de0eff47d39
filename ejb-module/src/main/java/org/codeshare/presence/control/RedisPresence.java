package org.codeshare.presence.control;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.codeshare.presence.entity.Peer;
import org.codeshare.rooms.entity.RoomRole;
import redis.clients.jedis.UnifiedJedis;

/**
 * Presence in Redis. Per room, a hash of the connections ({@code codeshare:presence:<room>}, field
 * = connection id) and a hash of claimed client IDs ({@code …:<room>:clients}); each value names
 * the node that holds it. Nodes prove they are alive in a sorted set ({@code
 * codeshare:presence:nodes}, score = expiry in Redis time, so node clocks do not matter). Every
 * change is one Lua script, so two nodes sweeping the same dead entry remove it only once.
 */
final class RedisPresence {

  static final String PREFIX = "codeshare:presence:";
  static final String NODES = PREFIX + "nodes";
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final String PRELUDE =
      """
      local t = redis.call('TIME')
      local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
      local known = {}
      local function alive(nodes, node)
        if known[node] == nil then
          local expires = redis.call('ZSCORE', nodes, node)
          known[node] = (expires and tonumber(expires) >= now) or false
        end
        return known[node]
      end
      """;

  /** KEYS: nodes. ARGV: node, ttl. */
  private static final RedisScript BEAT =
      new RedisScript(
          PRELUDE
              + """
              redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
              redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[2]))
              return 1
              """);

  /** KEYS: roster. ARGV: connection id, entry, ttl. */
  private static final RedisScript ENTER =
      new RedisScript(
          """
          redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
          redis.call('PEXPIRE', KEYS[1], ARGV[3])
          return 1
          """);

  /** KEYS: roster, claims. ARGV: connection id, then (client id, claim) pairs to release. */
  private static final RedisScript LEAVE =
      new RedisScript(
          """
          redis.call('HDEL', KEYS[1], ARGV[1])
          for i = 2, #ARGV, 2 do
            if redis.call('HGET', KEYS[2], ARGV[i]) == ARGV[i + 1] then
              redis.call('HDEL', KEYS[2], ARGV[i])
            end
          end
          return 1
          """);

  /** KEYS: roster, nodes. ARGV: node. The entries of the other nodes that are alive. */
  private static final RedisScript ROSTER =
      new RedisScript(
          PRELUDE
              + """
              local others = {}
              local entries = redis.call('HGETALL', KEYS[1])
              for i = 1, #entries, 2 do
                local owner = cjson.decode(entries[i + 1]).node
                if owner ~= ARGV[1] and alive(KEYS[2], owner) then
                  others[#others + 1] = entries[i + 1]
                end
              end
              return others
              """);

  /**
   * KEYS: claims, nodes. ARGV: client id, claim, node, subject, ttl. Taken unless another person's
   * connection on another live node holds it.
   */
  private static final RedisScript CLAIM =
      new RedisScript(
          PRELUDE
              + """
              local current = redis.call('HGET', KEYS[1], ARGV[1])
              if current and current ~= ARGV[2] then
                local owner = cjson.decode(current)
                if owner.subject ~= ARGV[4] and owner.node ~= ARGV[3]
                    and alive(KEYS[2], owner.node) then
                  return 0
                end
              end
              redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
              redis.call('PEXPIRE', KEYS[1], ARGV[5])
              return 1
              """);

  /**
   * KEYS: roster, claims, nodes. ARGV: node, ttl, n, n (connection id, entry) pairs, then (client
   * id, claim) pairs: this node's truth for the room. Writes it back, removes the entries and
   * claims of dead nodes (and stale ones of this node), and answers {returned: ids that had been
   * removed, departed: removed entries, lost: client ids another connection took meanwhile}.
   */
  private static final RedisScript HEARTBEAT =
      new RedisScript(
          PRELUDE
              + """
              local node, n = ARGV[1], tonumber(ARGV[3])
              local mine, claimed, returned, departed, lost = {}, {}, {}, {}, {}
              for i = 4, 3 + 2 * n, 2 do
                mine[ARGV[i]] = true
                if redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) == 1 then
                  returned[#returned + 1] = ARGV[i]
                end
              end
              for i = 4 + 2 * n, #ARGV, 2 do
                local current = redis.call('HGET', KEYS[2], ARGV[i])
                if not current or current == ARGV[i + 1] then
                  claimed[ARGV[i]] = true
                  redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
                else
                  lost[#lost + 1] = ARGV[i]
                end
              end
              local function stale(owner, own)
                if owner == node then return not own end
                return not alive(KEYS[3], owner)
              end
              local entries = redis.call('HGETALL', KEYS[1])
              for i = 1, #entries, 2 do
                if stale(cjson.decode(entries[i + 1]).node, mine[entries[i]]) then
                  redis.call('HDEL', KEYS[1], entries[i])
                  departed[#departed + 1] = entries[i + 1]
                end
              end
              local claims = redis.call('HGETALL', KEYS[2])
              for i = 1, #claims, 2 do
                if stale(cjson.decode(claims[i + 1]).node, claimed[claims[i]]) then
                  redis.call('HDEL', KEYS[2], claims[i])
                end
              end
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
              redis.call('PEXPIRE', KEYS[2], ARGV[2])
              return {returned, departed, lost}
              """);

  /** What a room's heartbeat found. */
  record Beat(List<String> returned, List<Peer> departed, List<String> lost) {}

  private final UnifiedJedis redis;
  private final String node;
  private final String ttl;

  RedisPresence(UnifiedJedis redis, String node, long ttlMillis) {
    this.redis = redis;
    this.node = node;
    this.ttl = Long.toString(ttlMillis);
  }

  static String roster(UUID roomId) {
    return PREFIX + roomId;
  }

  static String claims(UUID roomId) {
    return PREFIX + roomId + ":clients";
  }

  void beat() {
    BEAT.run(redis, List.of(NODES), List.of(node, ttl));
  }

  /** This node stops: it is no longer alive for the others, whatever it left behind. */
  void retire() {
    redis.zrem(NODES, node);
  }

  void enter(UUID roomId, Peer peer) {
    ENTER.run(redis, List.of(roster(roomId)), List.of(peer.id(), entry(peer), ttl));
  }

  void leave(UUID roomId, String peerId, Map<String, RoomPresence.Claim> released) {
    var args = new ArrayList<String>();
    args.add(peerId);
    released.forEach(
        (clientId, claim) -> {
          args.add(clientId);
          args.add(claim(claim));
        });
    LEAVE.run(redis, List.of(roster(roomId), claims(roomId)), args);
  }

  List<Peer> others(UUID roomId) {
    var reply = (List<?>) ROSTER.run(redis, List.of(roster(roomId), NODES), List.of(node));
    return reply.stream().map(value -> peer((String) value)).toList();
  }

  boolean claim(UUID roomId, String clientId, RoomPresence.Claim claim) {
    var reply =
        CLAIM.run(
            redis,
            List.of(claims(roomId), NODES),
            List.of(clientId, claim(claim), node, claim.subject(), ttl));
    return Long.valueOf(1).equals(reply);
  }

  Beat heartbeat(UUID roomId, RoomPresence room) {
    var args = new ArrayList<String>();
    args.add(node);
    args.add(ttl);
    args.add(Integer.toString(room.entries.size()));
    room.entries.forEach(
        (id, entry) -> {
          args.add(id);
          args.add(entry(entry.peer()));
        });
    room.claims.forEach(
        (clientId, claim) -> {
          args.add(clientId);
          args.add(claim(claim));
        });
    var reply =
        (List<?>) HEARTBEAT.run(redis, List.of(roster(roomId), claims(roomId), NODES), args);
    return new Beat(
        strings(reply.get(0)),
        strings(reply.get(1)).stream().map(RedisPresence::peer).toList(),
        strings(reply.get(2)));
  }

  private String entry(Peer peer) {
    return JSON.createObjectBuilder()
        .add("node", node)
        .add("id", peer.id())
        .add("name", peer.name())
        .add("color", peer.color())
        .add("role", peer.role().name())
        .build()
        .toString();
  }

  private String claim(RoomPresence.Claim claim) {
    return JSON.createObjectBuilder()
        .add("node", node)
        .add("peer", claim.peerId())
        .add("subject", claim.subject())
        .build()
        .toString();
  }

  static Peer peer(String entry) {
    try (var reader = JSON.createReader(new StringReader(entry))) {
      JsonObject json = reader.readObject();
      return new Peer(
          json.getString("id"),
          json.getString("name"),
          json.getString("color"),
          RoomRole.valueOf(json.getString("role")));
    }
  }

  private static List<String> strings(Object reply) {
    return ((List<?>) reply).stream().map(String.class::cast).toList();
  }
}
