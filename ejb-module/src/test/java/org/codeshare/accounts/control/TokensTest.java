package org.codeshare.accounts.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.codeshare.accounts.entity.InvalidToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokensTest {

  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  @TempDir Path dataDir;
  private Tokens tokens;

  @BeforeEach
  void setUp() {
    tokens = tokensWith(SigningKeys.generatedIn(dataDir), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static Tokens tokensWith(com.nimbusds.jose.jwk.RSAKey key, Clock clock) {
    var result = new Tokens();
    result.keys =
        new SigningKeys() {
          @Override
          public com.nimbusds.jose.jwk.RSAKey key() {
            return key;
          }
        };
    result.issuer = "codeshare";
    result.clock = clock;
    return result;
  }

  private Tokens.Issued session() {
    return tokens.issue(
        Tokens.SESSION, "user-1", Duration.ofHours(1), List.of("USER"), Map.of("upn", "a@b.c"));
  }

  @Test
  void anIssuedTokenVerifiesWithItsClaims() {
    var issued = session();

    var verified = tokens.verify(issued.token(), Tokens.SESSION);

    assertThat(verified.subject()).isEqualTo("user-1");
    assertThat(verified.jti()).isEqualTo(issued.jti());
    assertThat(verified.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    assertThat(verified.claims()).containsEntry("upn", "a@b.c");
    assertThat(verified.claims().get("groups")).isEqualTo(List.of("USER"));
  }

  @Test
  void expiredTokensAreRefused() {
    var issued = session();
    var later = tokensWith(tokens.keys.key(), Clock.fixed(NOW.plusSeconds(3600), ZoneOffset.UTC));

    assertThatThrownBy(() -> later.verify(issued.token(), Tokens.SESSION))
        .isInstanceOf(InvalidToken.class)
        .hasMessage("token expired");
  }

  @Test
  void aTicketIsNotASessionAndViceVersa() {
    var issued = session();

    assertThatThrownBy(() -> tokens.verify(issued.token(), Tokens.TICKET))
        .isInstanceOf(InvalidToken.class)
        .hasMessage("token is not for this use");
  }

  @Test
  void tamperedPayloadsAreRefused() {
    var parts = session().token().split("\\.");
    var payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("user-1", "user-2");
    var forged =
        parts[0]
            + "."
            + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
            + "."
            + parts[2];

    assertThatThrownBy(() -> tokens.verify(forged, Tokens.SESSION))
        .isInstanceOf(InvalidToken.class)
        .hasMessage("bad signature");
  }

  @Test
  void tokensSignedWithAnotherKeyAreRefused() throws Exception {
    var other =
        tokensWith(
            new RSAKeyGenerator(2048).keyID("other").generate(), Clock.fixed(NOW, ZoneOffset.UTC));
    var foreign =
        other.issue(Tokens.SESSION, "user-1", Duration.ofHours(1), List.of("ADMIN"), Map.of());

    assertThatThrownBy(() -> tokens.verify(foreign.token(), Tokens.SESSION))
        .isInstanceOf(InvalidToken.class)
        .hasMessage("bad signature");
  }

  @Test
  void unsignedAndGarbageTokensAreRefused() {
    var parts = session().token().split("\\.");
    var none =
        Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes())
            + "."
            + parts[1]
            + ".";

    assertThatThrownBy(() -> tokens.verify(none, Tokens.SESSION)).isInstanceOf(InvalidToken.class);
    assertThatThrownBy(() -> tokens.verify("not-a-token", Tokens.SESSION))
        .isInstanceOf(InvalidToken.class)
        .hasMessage("malformed token");
  }

  @Test
  void theGeneratedKeyIsKeptAndReusedFromTheDataDirectory() {
    var first = SigningKeys.generatedIn(dataDir);
    var second = SigningKeys.generatedIn(dataDir);

    assertThat(second.getKeyID()).isEqualTo(first.getKeyID());
    assertThat(dataDir.resolve(SigningKeys.KEY_FILE)).exists();
  }
}
