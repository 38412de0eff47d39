package org.codeshare.database.control;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the database is: PostgreSQL when {@code DATABASE_URL} is set (JDBC form or the {@code
 * postgres://user:password@host:port/db} form many platforms hand out), otherwise an H2 file
 * database in PostgreSQL mode under the data directory.
 */
public record DatabaseSettings(Vendor vendor, String jdbcUrl, String user, String password) {

  public enum Vendor {
    POSTGRESQL,
    H2
  }

  public static DatabaseSettings resolve(
      Optional<String> databaseUrl,
      Optional<String> user,
      Optional<String> password,
      Path dataDir) {
    var url = databaseUrl.map(String::trim).filter(value -> !value.isEmpty());
    if (url.isEmpty()) {
      return embedded(dataDir);
    }
    var value = url.get();
    if (value.startsWith("jdbc:postgresql:")) {
      return new DatabaseSettings(
          Vendor.POSTGRESQL, value, user.orElse(null), password.orElse(null));
    }
    if (value.startsWith("postgres://") || value.startsWith("postgresql://")) {
      return fromUri(URI.create(value), user, password);
    }
    throw new IllegalArgumentException(
        "DATABASE_URL must be jdbc:postgresql://host:port/db or postgres://user:pass@host:port/db");
  }

  private static DatabaseSettings embedded(Path dataDir) {
    var file = dataDir.toAbsolutePath().normalize().resolve("codeshare");
    var jdbcUrl =
        "jdbc:h2:file:"
            + file
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    return new DatabaseSettings(Vendor.H2, jdbcUrl, "codeshare", "");
  }

  /**
   * Reads the authority by hand: {@link URI#getHost} is null for host names {@link URI} does not
   * accept (an underscore, as in container and compose service names), and user info is
   * percent-decoded only ({@code +} is a plus sign in a password, not a space).
   */
  private static DatabaseSettings fromUri(
      URI uri, Optional<String> user, Optional<String> password) {
    var authority = uri.getRawAuthority();
    if (authority == null || authority.isEmpty()) {
      throw new IllegalArgumentException("DATABASE_URL names no host");
    }
    int at = authority.lastIndexOf('@');
    var hostPort = authority.substring(at + 1);
    int portAt = hostPort.startsWith("[") ? hostPort.indexOf("]:") + 1 : hostPort.lastIndexOf(':');
    if (hostPort.startsWith("[") && portAt == 0) {
      portAt = -1; // [v6] without a port
    }
    var host = portAt < 0 ? hostPort : hostPort.substring(0, portAt);
    int port = 5432;
    if (portAt >= 0 && portAt < hostPort.length() - 1) {
      try {
        port = Integer.parseInt(hostPort.substring(portAt + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("DATABASE_URL has a port that is not a number");
      }
    }
    if (host.isEmpty()) {
      throw new IllegalArgumentException("DATABASE_URL names no host");
    }
    var jdbcUrl = "jdbc:postgresql://" + host + ":" + port + uri.getRawPath();
    if (uri.getRawQuery() != null) {
      jdbcUrl += "?" + uri.getRawQuery();
    }
    String uriUser = null;
    String uriPassword = null;
    if (at >= 0) {
      var parts = authority.substring(0, at).split(":", 2);
      uriUser = decode(parts[0]);
      uriPassword = parts.length > 1 ? decode(parts[1]) : null;
    }
    return new DatabaseSettings(
        Vendor.POSTGRESQL, jdbcUrl, user.orElse(uriUser), password.orElse(uriPassword));
  }

  private static String decode(String value) {
    return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** The URL without credentials, safe to log and to show in health details. */
  public String redactedUrl() {
    var semicolon = jdbcUrl.indexOf(';');
    var question = jdbcUrl.indexOf('?');
    var cut = vendor == Vendor.H2 ? semicolon : question;
    return cut < 0 ? jdbcUrl : jdbcUrl.substring(0, cut);
  }
}
