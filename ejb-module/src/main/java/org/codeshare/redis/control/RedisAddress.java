package org.codeshare.redis.control;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;

/**
 * What {@code REDIS_URL} names: {@code redis://[[user]:password@]host[:port][/db]}, or {@code
 * rediss://} for TLS. Read here rather than by the Redis client, which takes the host from {@link
 * URI#getHost()} and so refuses names with {@code _} (a container's name, say), and refuses a URL
 * without a port; the port defaults to 6379 and the password is percent-decoded. Options after
 * {@code ?} are refused rather than ignored.
 */
record RedisAddress(
    String host, int port, String user, String password, int database, boolean tls) {

  static final int DEFAULT_PORT = 6379;

  /**
   * @throws IllegalArgumentException naming what is wrong with {@code url}
   */
  static RedisAddress parse(String url) {
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("REDIS_URL is not a URL: " + e.getMessage(), e);
    }
    var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!scheme.equals("redis") && !scheme.equals("rediss")) {
      throw new IllegalArgumentException("REDIS_URL must start with redis:// or rediss://");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "REDIS_URL takes no ?options or #fragment: TLS is rediss://, the database is /db");
    }
    var authority = uri.getRawAuthority();
    if (authority == null || authority.isEmpty()) {
      throw new IllegalArgumentException("REDIS_URL names no host");
    }
    int at = authority.lastIndexOf('@');
    String user = null;
    String password = null;
    if (at >= 0) {
      var userInfo = authority.substring(0, at);
      int colon = userInfo.indexOf(':');
      user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
      password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
      if (user.isEmpty()) {
        user = null;
      }
    }
    var hostPort = authority.substring(at + 1);
    String host;
    String port = null;
    if (hostPort.startsWith("[")) {
      int end = hostPort.indexOf(']');
      if (end < 0) {
        throw new IllegalArgumentException("REDIS_URL has an unclosed [ in its host");
      }
      host = hostPort.substring(1, end);
      if (hostPort.length() > end + 1) {
        if (hostPort.charAt(end + 1) != ':') {
          throw new IllegalArgumentException("REDIS_URL has text after its host: " + hostPort);
        }
        port = hostPort.substring(end + 2);
      }
    } else {
      int colon = hostPort.lastIndexOf(':');
      host = colon < 0 ? hostPort : hostPort.substring(0, colon);
      port = colon < 0 ? null : hostPort.substring(colon + 1);
    }
    if (host.isEmpty()) {
      throw new IllegalArgumentException("REDIS_URL names no host");
    }
    return new RedisAddress(
        host,
        number(port, DEFAULT_PORT, "port"),
        user,
        password,
        database(uri),
        scheme.equals("rediss"));
  }

  HostAndPort hostAndPort() {
    return new HostAndPort(host, port);
  }

  JedisClientConfig config(int timeoutMillis) {
    return DefaultJedisClientConfig.builder()
        .user(user)
        .password(password)
        .database(database)
        .ssl(tls)
        .connectionTimeoutMillis(timeoutMillis)
        .socketTimeoutMillis(timeoutMillis)
        .build();
  }

  private static int database(URI uri) {
    var path = uri.getRawPath();
    if (path == null || path.isEmpty() || path.equals("/")) {
      return 0;
    }
    return number(path.substring(1), 0, "database");
  }

  private static int number(String text, int absent, String what) {
    if (text == null || text.isEmpty()) {
      return absent;
    }
    try {
      int value = Integer.parseInt(text);
      if (value < 0 || (what.equals("port") && value > 65535)) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("REDIS_URL's " + what + " is not a number: " + text, e);
    }
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return (tls ? "rediss://" : "redis://") + host + ":" + port + "/" + database; // no password
  }
}
