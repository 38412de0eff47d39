package org.codeshare.testing;

import jakarta.json.Json;
import java.io.StringReader;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.codeshare.collab.entity.ChangeSet;

/** Documents as PostgreSQL holds them: replayed from {@code room_updates}. */
public final class StoredDocuments {

  private StoredDocuments() {}

  /** The room's version and its text replayed from every stored update, checked gap-free. */
  public record Stored(long version, String text) {}

  public static Stored read(String jdbcUrl, String user, String password, String slug)
      throws SQLException {
    try (var connection = DriverManager.getConnection(jdbcUrl, user, password)) {
      long version;
      try (var query = connection.prepareStatement("select version from rooms where slug = ?")) {
        query.setString(1, slug);
        try (var row = query.executeQuery()) {
          if (!row.next()) {
            throw new AssertionError("no room " + slug);
          }
          version = row.getLong(1);
        }
      }
      var doc = "";
      try (var query =
          connection.prepareStatement(
              "select u.version, u.changes from room_updates u join rooms r on r.id = u.room_id"
                  + " where r.slug = ? order by u.version")) {
        query.setString(1, slug);
        try (var rows = query.executeQuery()) {
          long expected = 1;
          while (rows.next()) {
            if (rows.getLong(1) != expected++) {
              throw new AssertionError("room_updates of " + slug + " has a gap before " + expected);
            }
            try (var reader = Json.createReader(new StringReader(rows.getString(2)))) {
              doc = ChangeSet.fromJson(reader.readArray()).apply(doc);
            }
          }
        }
      }
      return new Stored(version, doc);
    }
  }

  public static Stored read(RealServers servers, String slug) throws SQLException {
    return read(servers.jdbcUrl(), servers.dbUser(), servers.dbPassword(), slug);
  }
}
