package org.codeshare.accounts.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.codeshare.accounts.entity.InvalidToken;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs and verifies RS256 JWTs in the MicroProfile JWT shape ({@code sub} names the caller, {@code
 * groups}). One audience per use: session tokens for the API, which MicroProfile JWT verifies on
 * each request, and short tickets for the WebSocket handshake, verified here.
 */
@ApplicationScoped
public class Tokens {

  public static final String SESSION = "codeshare-api";
  public static final String TICKET = "codeshare-ws";

  @Inject SigningKeys keys;

  @Inject
  @ConfigProperty(name = "codeshare.jwt.issuer", defaultValue = "codeshare")
  String issuer;

  Clock clock = Clock.systemUTC();

  /** A signed token and what the server needs to remember about it. */
  public record Issued(String token, String jti, Instant expiresAt) {}

  /** The verified content of a token. */
  public record Verified(
      String subject,
      String jti,
      Instant issuedAt,
      Instant expiresAt,
      Map<String, Object> claims) {}

  public Issued issue(
      String audience,
      String subject,
      Duration ttl,
      List<String> groups,
      Map<String, Object> extra) {
    var now = clock.instant();
    var expires = now.plus(ttl);
    var jti = UUID.randomUUID().toString();
    var claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(audience)
            .subject(subject)
            .jwtID(jti)
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(expires))
            .claim("groups", groups);
    extra.forEach(claims::claim);
    var header =
        new JWSHeader.Builder(JWSAlgorithm.RS256)
            .type(JOSEObjectType.JWT)
            .keyID(keys.key().getKeyID())
            .build();
    var jwt = new SignedJWT(header, claims.build());
    try {
      jwt.sign(new RSASSASigner(keys.key()));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
    return new Issued(jwt.serialize(), jti, expires);
  }

  /**
   * Why a token that MicroProfile JWT refused is bad: the first of these checks it fails, else a
   * general reason (MP-JWT is stricter in places, e.g. it insists on the {@code typ} header).
   */
  public InvalidToken refusal(String token, String audience) {
    try {
      verify(token, audience);
      return new InvalidToken("token refused");
    } catch (InvalidToken e) {
      return e;
    }
  }

  public Verified verify(String token, String audience) {
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
        throw new InvalidToken("unsupported signature algorithm");
      }
      if (!jwt.verify(new RSASSAVerifier(keys.key().toRSAPublicKey()))) {
        throw new InvalidToken("bad signature");
      }
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new InvalidToken("malformed token");
    } catch (JOSEException e) {
      throw new InvalidToken("unverifiable token");
    }
    var now = clock.instant();
    if (!issuer.equals(claims.getIssuer())) {
      throw new InvalidToken("wrong issuer");
    }
    if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
      throw new InvalidToken("token is not for this use");
    }
    if (claims.getExpirationTime() == null
        || !now.isBefore(claims.getExpirationTime().toInstant())) {
      throw new InvalidToken("token expired");
    }
    if (claims.getNotBeforeTime() != null
        && now.plusSeconds(30).isBefore(claims.getNotBeforeTime().toInstant())) {
      throw new InvalidToken("token not yet valid");
    }
    if (claims.getSubject() == null || claims.getJWTID() == null || claims.getIssueTime() == null) {
      throw new InvalidToken("incomplete token");
    }
    return new Verified(
        claims.getSubject(),
        claims.getJWTID(),
        claims.getIssueTime().toInstant(),
        claims.getExpirationTime().toInstant(),
        claims.getClaims());
  }
}
