package org.codeshare.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import org.codeshare.testing.Accounts;
import org.codeshare.testing.AppClient;
import org.codeshare.testing.PosingClient;
import org.codeshare.testing.RealServersExtension;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Security headers, request ids, CORS, the CSRF check, body limits and the OpenAPI document. */
@ExtendWith(RealServersExtension.class)
@ExtendWith(ArquillianExtension.class)
class HttpEdgeIT {

  private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
  private static final String FRONTEND = System.getProperty("codeshare.it.frontend-origin");

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.codeshareEar();
  }

  private final AppClient app = AppClient.fromSystemProperties();
  private final PosingClient client = PosingClient.fresh(app);
  private final String ownOrigin = app.base().resolve("/").toString().replaceFirst("/$", "");

  @Test
  void everyResponseCarriesTheSecurityHeadersOnce() {
    var authority = app.base().getAuthority();
    for (var path : new String[] {"", "index.html", "api/rooms/zzzzzzzzzz", "no-such-page"}) {
      var reply = client.get(path);
      var headers = reply.response().headers();
      assertThat(headers.allValues("Content-Security-Policy"))
          .as(path)
          .singleElement()
          .asString()
          .contains("default-src 'self'", "frame-ancestors 'none'", "script-src 'self'")
          .contains("connect-src 'self' ws://" + authority + " wss://" + authority)
          .doesNotContain("unsafe-inline");
      assertThat(headers.allValues("X-Frame-Options")).as(path).containsExactly("DENY");
      assertThat(headers.allValues("X-Content-Type-Options")).as(path).containsExactly("nosniff");
      assertThat(headers.allValues("Referrer-Policy"))
          .as(path)
          .containsExactly("strict-origin-when-cross-origin");
      assertThat(headers.firstValue("Permissions-Policy"))
          .as(path)
          .hasValueSatisfying(value -> assertThat(value).contains("camera=()"));
      assertThat(headers.firstValue("Strict-Transport-Security"))
          .as("no HSTS without COOKIE_SECURE=true")
          .isEmpty();
    }
  }

  @Test
  void apiResponsesAreNeverCached() {
    assertThat(client.get("api/rooms/zzzzzzzzzz").header("Cache-Control")).contains("no-store");
    assertThat(client.get("index.html").header("Cache-Control").orElse(""))
        .doesNotContain("no-store");
  }

  @Test
  void aWellFormedRequestIdIsEchoedAndAnythingElseReplaced() {
    var echoed =
        client.send(request("api/rooms/zzzzzzzzzz").header("X-Request-Id", "trace-42.a_b"));
    assertThat(echoed.header("X-Request-Id")).contains("trace-42.a_b");

    var generated = client.get("api/rooms/zzzzzzzzzz");
    assertThat(generated.header("X-Request-Id"))
        .hasValueSatisfying(id -> assertThat(id).matches(UUID));

    for (var bad : new String[] {"x".repeat(129), "a b", "<script>"}) {
      var replaced = client.send(request("").header("X-Request-Id", bad));
      assertThat(replaced.header("X-Request-Id"))
          .as(bad)
          .hasValueSatisfying(id -> assertThat(id).matches(UUID));
    }
  }

  @Test
  void corsAnswersTheFrontendOriginOnly() {
    var allowed = client.send(request("api/rooms/zzzzzzzzzz").header("Origin", FRONTEND));
    assertThat(allowed.header("Access-Control-Allow-Origin")).contains(FRONTEND);
    assertThat(allowed.header("Access-Control-Allow-Credentials")).contains("true");
    assertThat(allowed.header("Access-Control-Expose-Headers"))
        .hasValueSatisfying(exposed -> assertThat(exposed).contains("Retry-After", "X-Request-Id"));
    assertThat(allowed.response().headers().allValues("Vary")).contains("Origin");

    var other =
        client.send(request("api/rooms/zzzzzzzzzz").header("Origin", "https://evil.example"));
    assertThat(other.response().headers().map().keySet())
        .noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
  }

  @Test
  void preflightsFromTheFrontendAreAnsweredAndOthersAreNot() {
    var preflight =
        client.send(
            request("api/rooms")
                .method("OPTIONS", BodyPublishers.noBody())
                .header("Origin", FRONTEND)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, authorization"));

    assertThat(preflight.status()).isEqualTo(204);
    assertThat(preflight.header("Access-Control-Allow-Origin")).contains(FRONTEND);
    assertThat(preflight.header("Access-Control-Allow-Credentials")).contains("true");
    assertThat(preflight.header("Access-Control-Allow-Methods"))
        .hasValueSatisfying(methods -> assertThat(methods).contains("POST", "DELETE"));
    assertThat(preflight.header("Access-Control-Allow-Headers"))
        .hasValueSatisfying(
            headers ->
                assertThat(headers).contains("Authorization", "Content-Type", "X-Request-Id"));
    assertThat(String.join(",", preflight.response().headers().allValues("Vary")))
        .contains("Origin");
    assertThat(preflight.header("X-Request-Id")).isPresent();

    var foreign =
        client.send(
            request("api/rooms")
                .method("OPTIONS", BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST"));
    assertThat(foreign.header("Access-Control-Allow-Origin")).isEmpty();
    assertThat(foreign.header("Access-Control-Allow-Methods")).isEmpty();
  }

  @Test
  void cookieAuthenticatedWritesFromAnotherSiteAreRefused() {
    var session = session();
    var crossSite = post("api/rooms", "{}", "Cookie", session, "Origin", "https://evil.example");

    assertThat(crossSite.status()).isEqualTo(403);
    assertThat(crossSite.contentType()).startsWith("application/problem+json");
    assertThat(crossSite.json().getString("type"))
        .isEqualTo("urn:codeshare:problem:cross-site-request");

    assertThat(post("api/rooms", "{}", "Cookie", session).status())
        .as("neither Origin nor Referer")
        .isEqualTo(403);
    assertThat(
            post("api/rooms", "{}", "Cookie", session, "Referer", "https://evil.example/x")
                .status())
        .isEqualTo(403);
  }

  @Test
  void cookieAuthenticatedWritesFromThisSiteOrTheFrontendPass() {
    var session = session();
    assertThat(post("api/rooms", "{}", "Cookie", session, "Origin", ownOrigin).status())
        .isEqualTo(201);
    assertNotCrossSite(post("api/rooms", "{}", "Cookie", session, "Referer", ownOrigin + "/r/x"));
    assertNotCrossSite(post("api/rooms", "{}", "Cookie", session, "Origin", FRONTEND));
    assertNotCrossSite(
        post(
            "api/rooms",
            "{}",
            "Cookie",
            session,
            "Origin",
            "https://codeshare.example.org",
            "X-Forwarded-Proto",
            "https",
            "X-Forwarded-Host",
            "codeshare.example.org"));
    assertNotCrossSite(
        post(
            "api/rooms",
            "{}",
            "Cookie",
            session,
            "Authorization",
            "Bearer x",
            "Origin",
            "https://evil.example"));
    assertNotCrossSite(post("api/rooms", "{}", "Origin", "https://evil.example"));
  }

  /** A signed-in browser's cookie. */
  private String session() {
    return "codeshare_session=" + Accounts.register(app, "Csrf").token();
  }

  /** Passing the check; what the resource (or authentication) makes of the request is not ours. */
  private static void assertNotCrossSite(AppClient.Reply reply) {
    if (reply.status() == 403) {
      assertThat(reply.json().getString("type"))
          .as(reply.body())
          .isNotEqualTo("urn:codeshare:problem:cross-site-request");
    }
    assertThat(reply.status()).as(reply.body()).isLessThan(500);
  }

  @Test
  void bodiesOverTheLimitAreRefusedWith413() {
    var large = "{\"title\":\"" + "x".repeat(1_100_000) + "\"}";

    var declared = post("api/rooms", large);
    assertThat(declared.status()).isEqualTo(413);
    assertThat(declared.json().getString("type"))
        .isEqualTo("urn:codeshare:problem:payload-too-large");

    var chunked =
        client.send(
            request("api/rooms")
                .header("Content-Type", "application/json")
                .POST(
                    BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(large.getBytes(StandardCharsets.UTF_8)))));
    assertThat(chunked.status()).as("chunked, without Content-Length").isEqualTo(413);
    assertThat(chunked.json().getString("type"))
        .isEqualTo("urn:codeshare:problem:payload-too-large");
  }

  @Test
  void unknownPropertiesAndWrongTypesAreNamedInA400() {
    var unknown = post("api/rooms", "{\"title\":\"x\",\"colour\":\"red\"}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.contentType()).startsWith("application/problem+json");
    assertThat(unknown.json().getString("detail")).contains("colour");
    assertThat(unknown.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("colour");

    var wrongType = post("api/rooms", "{\"title\":{\"text\":\"x\"}}");
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("title");
  }

  @Test
  void theOpenApiDocumentDescribesTheRealEndpoints() {
    var document = client.send(request("openapi").header("Accept", "application/json"));

    assertThat(document.status()).isEqualTo(200);
    var json = document.json();
    assertThat(json.getJsonObject("info").getString("title")).isEqualTo("CodeShare API");
    assertThat(json.getJsonObject("info").getString("version")).isNotBlank();
    assertThat(json.getJsonObject("paths").keySet()).contains("/api/rooms", "/api/rooms/{slug}");
    assertThat(json.getJsonObject("paths").getJsonObject("/api/rooms").keySet()).contains("post");
  }

  private HttpRequest.Builder request(String path) {
    return client.request(path);
  }

  private AppClient.Reply post(String path, String body, String... headers) {
    var request =
        request(path)
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return client.send(request);
  }
}
