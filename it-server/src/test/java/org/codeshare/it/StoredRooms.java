package org.codeshare.it;

import java.net.URI;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.codeshare.testing.RealServers;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** What the app stored, read straight from PostgreSQL and S3 as an operator would. */
final class StoredRooms {

  private final RealServers servers;

  StoredRooms(RealServers servers) {
    this.servers = servers;
  }

  record SnapshotRow(long version, String sha256, long size, String storage, String key) {}

  UUID roomId(String slug) {
    return query("select id from rooms where slug = ?", slug, rows -> (UUID) rows.getObject(1))
        .get(0);
  }

  long historyFloor(String slug) {
    return query("select history_floor from rooms where slug = ?", slug, rows -> rows.getLong(1))
        .get(0);
  }

  long roomsAwaitingSnapshot() {
    return query(
            "select count(*) from rooms where deleted_at is null and version > snapshot_version"
                + " and ? is not null",
            "any",
            rows -> rows.getLong(1))
        .get(0);
  }

  long oldestUpdate(String slug) {
    return query(
            "select coalesce(min(u.version), 0) from room_updates u join rooms r on r.id ="
                + " u.room_id where r.slug = ?",
            slug,
            rows -> rows.getLong(1))
        .get(0);
  }

  List<SnapshotRow> snapshots(String slug) {
    return query(
        "select s.version, s.sha256, s.size, s.storage, s.storage_key from snapshots s join rooms"
            + " r on r.id = s.room_id where r.slug = ? order by s.version",
        slug,
        rows ->
            new SnapshotRow(
                rows.getLong(1),
                rows.getString(2),
                rows.getLong(3),
                rows.getString(4),
                rows.getString(5)));
  }

  S3Client s3() {
    return S3Client.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .region(Region.of(servers.s3Region()))
        .endpointOverride(URI.create(servers.s3Endpoint()))
        .forcePathStyle(true)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(servers.s3AccessKey(), servers.s3SecretKey())))
        .build();
  }

  byte[] object(String key) {
    try (var s3 = s3()) {
      return s3.getObjectAsBytes(r -> r.bucket(servers.s3Bucket()).key(key)).asByteArray();
    }
  }

  void overwrite(String key, byte[] content) {
    try (var s3 = s3()) {
      s3.putObject(r -> r.bucket(servers.s3Bucket()).key(key), RequestBody.fromBytes(content));
    }
  }

  interface Row<T> {
    T read(java.sql.ResultSet rows) throws SQLException;
  }

  private <T> List<T> query(String sql, String slug, Row<T> row) {
    try (var connection =
            DriverManager.getConnection(servers.jdbcUrl(), servers.dbUser(), servers.dbPassword());
        var query = connection.prepareStatement(sql)) {
      query.setString(1, slug);
      try (var rows = query.executeQuery()) {
        var result = new ArrayList<T>();
        while (rows.next()) {
          result.add(row.read(rows));
        }
        return result;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
