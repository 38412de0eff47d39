package org.codeshare.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.codeshare.testing.Accounts;
import org.codeshare.testing.AppClient;
import org.codeshare.testing.RealServersExtension;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tokens that are expired, forged, tampered with, revoked or of a disabled account get 401; the
 * ones that pass are MicroProfile JWTs the application can inject.
 */
@ExtendWith(RealServersExtension.class)
@ExtendWith(ArquillianExtension.class)
class SessionTokensIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.codeshareEar();
  }

  private final AppClient app = AppClient.fromSystemProperties();

  @Test
  void aFreshTokenWorksByBearerAndByCookie() {
    var account = Accounts.register(app, "Fresh");

    assertThat(app.as(account.token()).get("api/me").json().getString("id"))
        .isEqualTo(account.id());
    var byCookie =
        app.send(
            java.net.http.HttpRequest.newBuilder(app.base().resolve("api/me"))
                .header("Cookie", "codeshare_session=" + account.token()));
    assertThat(byCookie.status()).isEqualTo(200);
    assertThat(byCookie.json().getString("email")).isEqualTo(account.email());
  }

  @Test
  void anExpiredButGenuineTokenIsRefused() throws Exception {
    var account = Accounts.register(app, "Expired");
    var past = Instant.now().minusSeconds(7200);
    var expired = sign(account.id(), "codeshare-api", past, past.plusSeconds(3600));

    assertRefused(app.as(expired).get("api/me"), "token expired");
  }

  @Test
  void aGenuineTokenForTheWebSocketIsNotASession() throws Exception {
    var account = Accounts.register(app, "Audience");
    var now = Instant.now();

    assertRefused(
        app.as(sign(account.id(), "codeshare-ws", now, now.plusSeconds(60))).get("api/me"),
        "token is not for this use");
  }

  @Test
  void tamperedAndForeignTokensAreRefused() throws Exception {
    var account = Accounts.register(app, "Tamper");
    var other = Accounts.register(app, "Victim");
    var parts = account.token().split("\\.");
    var payload =
        new String(Base64.getUrlDecoder().decode(parts[1])).replace(account.id(), other.id());
    var tampered =
        parts[0]
            + "."
            + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
            + "."
            + parts[2];

    assertRefused(app.as(tampered).get("api/me"), "bad signature");
    assertRefused(app.as("garbage").get("api/rooms"), "malformed token");
    // Even where anonymous callers are welcome, a bad token is not silently ignored.
    assertThat(app.as(tampered).postJson("api/rooms", "{}").status()).isEqualTo(401);
  }

  @Test
  void tokensOfAnotherKeyOrIssuerAreRefused() throws Exception {
    var account = Accounts.register(app, "Foreign");
    var now = Instant.now();
    var otherKey = new RSAKeyGenerator(2048).keyID(appKey().getKeyID()).generate();

    assertRefused(
        app.as(sign(otherKey, "codeshare", account.id(), "codeshare-api", now, now.plusSeconds(60)))
            .get("api/me"),
        "bad signature");
    assertRefused(
        app.as(sign(appKey(), "elsewhere", account.id(), "codeshare-api", now, now.plusSeconds(60)))
            .get("api/me"),
        "wrong issuer");
  }

  @Test
  void theVerifiedTokenIsTheInjectedMicroProfileJsonWebToken() throws Exception {
    var account = Accounts.register(app, "Injected");
    var now = Instant.now();
    var expires = now.plusSeconds(1234).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    var me = app.as(sign(account.id(), "codeshare-api", now, expires)).get("api/me");

    assertThat(me.status()).as(me.body()).isEqualTo(200);
    assertThat(me.json().getString("id")).isEqualTo(account.id());
    // MeResource reads it from the injected JsonWebToken: the claim of the token presented.
    assertThat(Instant.parse(me.json().getString("sessionExpiresAt"))).isEqualTo(expires);
  }

  @Test
  void aTokenIsRevokedByLogoutOnEveryRequestAfter() {
    var account = Accounts.register(app, "Logout");
    var session = app.as(account.token());
    assertThat(session.get("api/me").status()).isEqualTo(200);

    var logout = session.request("POST", "api/auth/logout", null);
    assertThat(logout.status()).isEqualTo(204);
    assertThat(logout.header("Set-Cookie"))
        .hasValueSatisfying(c -> assertThat(c).contains("Max-Age=0"));

    assertRefused(session.get("api/me"), "token revoked");
    var again = Accounts.login(app, account.email(), "password-of-Logout");
    assertThat(app.as(again.token()).get("api/me").status()).isEqualTo(200);
  }

  @Test
  void disablingAnAccountEndsItsSessionsAndSignIns() {
    var account = Accounts.register(app, "Disabled");
    var admin = app.as(Accounts.admin(app).token());

    var disabled = admin.request("PATCH", "api/admin/users/" + account.id(), "{\"disabled\":true}");
    assertThat(disabled.status()).isEqualTo(200);
    assertThat(disabled.json().getBoolean("disabled")).isTrue();

    assertRefused(app.as(account.token()).get("api/me"), "account disabled");
    var login =
        app.postJson(
            "api/auth/login",
            "{\"email\":\"" + account.email() + "\",\"password\":\"password-of-Disabled\"}");
    assertThat(login.status()).isEqualTo(403);
    assertThat(login.json().getString("type")).isEqualTo("urn:codeshare:problem:account-disabled");

    admin.request("PATCH", "api/admin/users/" + account.id(), "{\"disabled\":false}");
    assertThat(Accounts.login(app, account.email(), "password-of-Disabled").token()).isNotBlank();
  }

  @Test
  void wrongPasswordsAndUnknownEmailsGetTheSameAnswer() {
    var account = Accounts.register(app, "Guess");
    var wrong =
        app.postJson(
            "api/auth/login", "{\"email\":\"" + account.email() + "\",\"password\":\"nope\"}");
    var unknown =
        app.postJson(
            "api/auth/login",
            "{\"email\":\"nobody-" + UUID.randomUUID() + "@example.com\",\"password\":\"nope\"}");

    assertThat(wrong.status()).isEqualTo(401);
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(wrong.json().getString("detail")).isEqualTo(unknown.json().getString("detail"));
  }

  @Test
  void registeringTheSameEmailTwiceIsAConflict() {
    var account = Accounts.register(app, "Twice");
    var again =
        app.postJson(
            "api/auth/register",
            "{\"email\":\""
                + account.email().toUpperCase()
                + "\",\"password\":\"another password\","
                + "\"displayName\":\"Again\"}");

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().getString("type")).isEqualTo("urn:codeshare:problem:email-taken");
  }

  private static void assertRefused(AppClient.Reply reply, String detail) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(401);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().getString("type")).isEqualTo("urn:codeshare:problem:invalid-token");
    assertThat(reply.json().getString("detail")).isEqualTo(detail);
  }

  /** Signs with the key the application generated into its data directory. */
  private static String sign(String subject, String audience, Instant issued, Instant expires)
      throws Exception {
    return sign(appKey(), "codeshare", subject, audience, issued, expires);
  }

  private static RSAKey appKey() throws Exception {
    var keyFile = Path.of(System.getProperty("codeshare.it.data-dir"), "jwt-signing-key.json");
    return RSAKey.parse(Files.readString(keyFile));
  }

  private static String sign(
      RSAKey key, String issuer, String subject, String audience, Instant issued, Instant expires)
      throws Exception {
    var jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(key.getKeyID())
                .build(),
            new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(subject)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issued))
                .notBeforeTime(Date.from(issued))
                .expirationTime(Date.from(expires))
                .claim("groups", List.of("USER"))
                .build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }
}
