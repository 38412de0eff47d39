package org.codeshare.snapshots.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.codeshare.snapshots.entity.SnapshotStorage;
import org.codeshare.storage.control.ObjectStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Snapshot objects: in the S3 bucket when one is configured, else under {@code
 * CODESHARE_DATA_DIR/snapshots}. Keys are {@code snapshots/{roomId}/{version}} in both.
 */
@ApplicationScoped
public class SnapshotStore {

  @Inject ObjectStore s3;

  @Inject
  @ConfigProperty(name = "CODESHARE_DATA_DIR", defaultValue = "data")
  String dataDir;

  @Inject
  @ConfigProperty(name = "codeshare.snapshot.store-timeout", defaultValue = "PT10S")
  Duration timeout;

  public SnapshotStorage kind() {
    return s3.configured() ? SnapshotStorage.S3 : SnapshotStorage.FILE;
  }

  public static String key(UUID roomId, long version) {
    return "snapshots/" + roomId + "/" + version;
  }

  public void put(String key, byte[] content) {
    if (kind() == SnapshotStorage.S3) {
      s3.client()
          .putObject(
              request ->
                  request
                      .bucket(s3.bucket())
                      .key(key)
                      .contentType("text/plain; charset=utf-8")
                      .overrideConfiguration(override -> override.apiCallTimeout(timeout)),
              RequestBody.fromBytes(content));
      return;
    }
    var target = file(key);
    try {
      Files.createDirectories(target.getParent());
      var temporary = Files.createTempFile(target.getParent(), ".snapshot", ".tmp");
      Files.write(temporary, content);
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write snapshot " + key, e);
    }
  }

  /** The object's bytes, or empty when it is missing. */
  public Optional<byte[]> get(SnapshotStorage storage, String key) {
    if (storage == SnapshotStorage.S3) {
      try {
        return Optional.of(
            s3.client()
                .getObjectAsBytes(
                    request ->
                        request
                            .bucket(s3.bucket())
                            .key(key)
                            .overrideConfiguration(override -> override.apiCallTimeout(timeout)))
                .asByteArray());
      } catch (NoSuchKeyException e) {
        return Optional.empty();
      }
    }
    try {
      return Optional.of(Files.readAllBytes(file(key)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read snapshot " + key, e);
    }
  }

  public void delete(SnapshotStorage storage, String key) {
    if (storage == SnapshotStorage.S3) {
      s3.client()
          .deleteObject(
              request ->
                  request
                      .bucket(s3.bucket())
                      .key(key)
                      .overrideConfiguration(override -> override.apiCallTimeout(timeout)));
      return;
    }
    try {
      Files.deleteIfExists(file(key));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete snapshot " + key, e);
    }
  }

  private Path file(String key) {
    if (!key.matches("snapshots/[0-9a-f-]{36}/[0-9]+")) {
      throw new IllegalArgumentException("not a snapshot key: " + key);
    }
    return Path.of(dataDir).toAbsolutePath().normalize().resolve(key);
  }
}
