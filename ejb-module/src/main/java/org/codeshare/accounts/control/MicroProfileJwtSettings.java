package org.codeshare.accounts.control;

import com.nimbusds.jose.JOSEException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Tells MicroProfile JWT how to verify session tokens: the public half of the pair {@link
 * SigningKeys} signs with, our issuer and the session audience. It reads the settings SigningKeys
 * reads (the PEM pair, else the key generated into the data directory), so operators never repeat
 * the key as {@code mp.jwt.verify.publickey}. Any other source overrides it (low ordinal); a
 * configured {@code mp.jwt.verify.publickey.location} replaces the key served here, since MP-JWT
 * refuses both. Registered in {@code META-INF/services}: Payara reads these settings while it
 * deploys, before any bean exists.
 */
public class MicroProfileJwtSettings implements ConfigSource {

  static final String PUBLIC_KEY = "mp.jwt.verify.publickey";
  static final String PUBLIC_KEY_LOCATION = "mp.jwt.verify.publickey.location";
  static final String ISSUER = "mp.jwt.verify.issuer";
  static final String AUDIENCES = "mp.jwt.verify.audiences";
  private static final Set<String> NAMES = Set.of(PUBLIC_KEY, ISSUER, AUDIENCES);

  private volatile Map<String, String> settings;

  @Override
  public String getName() {
    return "CodeShare MicroProfile JWT settings";
  }

  @Override
  public int getOrdinal() {
    return 50;
  }

  @Override
  public Set<String> getPropertyNames() {
    return getProperties().keySet();
  }

  @Override
  public Map<String, String> getProperties() {
    var result = settings;
    if (result == null) {
      // The default sources are all but the discovered ones (this one): asking the application's
      // own Config from inside one of its sources would re-enter its lookup.
      var config = ConfigProviderResolver.instance().getBuilder().addDefaultSources().build();
      result = settings(name -> config.getOptionalValue(name, String.class));
      settings = result;
    }
    return result;
  }

  @Override
  public String getValue(String name) {
    return NAMES.contains(name) ? getProperties().get(name) : null;
  }

  static Map<String, String> settings(Function<String, Optional<String>> config) {
    var result = new HashMap<String, String>();
    result.put(ISSUER, config.apply("codeshare.jwt.issuer").orElse("codeshare"));
    result.put(AUDIENCES, Tokens.SESSION);
    if (config.apply(PUBLIC_KEY_LOCATION).isEmpty()) {
      var key =
          SigningKeys.resolve(
              config.apply("JWT_PRIVATE_KEY"),
              config.apply("JWT_PUBLIC_KEY"),
              Path.of(config.apply("CODESHARE_DATA_DIR").orElse("data")));
      try {
        result.put(PUBLIC_KEY, pem(key.toPublicKey().getEncoded()));
      } catch (JOSEException e) {
        throw new IllegalStateException("the JWT signing key has no public half", e);
      }
    }
    return Map.copyOf(result);
  }

  private static String pem(byte[] subjectPublicKeyInfo) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(subjectPublicKeyInfo)
        + "\n-----END PUBLIC KEY-----\n";
  }
}
