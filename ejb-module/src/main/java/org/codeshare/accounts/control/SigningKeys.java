package org.codeshare.accounts.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The RSA key pair tokens are signed with: {@code JWT_PRIVATE_KEY} and {@code JWT_PUBLIC_KEY} (PEM,
 * read by {@link PemKeys}) when set; otherwise a pair generated once and kept in the data
 * directory, which is only right for a single node or nodes sharing that directory.
 */
@ApplicationScoped
public class SigningKeys {

  private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());
  static final String KEY_FILE = "jwt-signing-key.json";

  @Inject
  @ConfigProperty(name = "JWT_PRIVATE_KEY")
  Optional<String> privateKeyPem;

  @Inject
  @ConfigProperty(name = "JWT_PUBLIC_KEY")
  Optional<String> publicKeyPem;

  @Inject
  @ConfigProperty(name = "CODESHARE_DATA_DIR", defaultValue = "data")
  String dataDir;

  private RSAKey key;

  @PostConstruct
  void load() {
    key = resolve(privateKeyPem, publicKeyPem, Path.of(dataDir));
  }

  public RSAKey key() {
    return key;
  }

  /**
   * The key pair of these settings: the PEM pair when both halves are set, else the one kept in
   * {@code dataDir}. MicroProfile JWT's verification key comes from here too ({@link
   * MicroProfileJwtSettings}), so signing and verifying always use the same pair.
   */
  static RSAKey resolve(Optional<String> privatePem, Optional<String> publicPem, Path dataDir) {
    var privateKey = privatePem.filter(v -> !v.isBlank());
    var publicKey = publicPem.filter(v -> !v.isBlank());
    if (privateKey.isEmpty() || publicKey.isEmpty()) {
      return generatedIn(dataDir);
    }
    return PemKeys.pair(privateKey.get(), publicKey.get());
  }

  // Synchronized: MicroProfileJwtSettings and this bean may both be the first to ask.
  static synchronized RSAKey generatedIn(Path dir) {
    var file = dir.resolve(KEY_FILE);
    try {
      if (Files.exists(file)) {
        return RSAKey.parse(Files.readString(file));
      }
      LOG.warning(
          "JWT_PRIVATE_KEY/JWT_PUBLIC_KEY are not set: generated a signing key in "
              + file.toAbsolutePath()
              + ". Fine for one node; set a shared key pair for several nodes and in production.");
      var generated = new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
      Files.createDirectories(dir);
      var temp = Files.createTempFile(dir, "jwt", ".tmp");
      try {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        LOG.fine("file system without POSIX permissions");
      }
      Files.writeString(temp, generated.toJSONString());
      Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      // Another node sharing the directory may have written its key at the same moment.
      return RSAKey.parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the JWT signing key in " + dir, e);
    } catch (java.text.ParseException | JOSEException e) {
      throw new IllegalStateException("cannot read or create the JWT signing key " + file, e);
    }
  }
}
