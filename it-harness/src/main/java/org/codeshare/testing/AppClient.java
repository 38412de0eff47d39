package org.codeshare.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/** A small HTTP client for the application under test: JSON bodies, health and metrics. */
public final class AppClient {

  public static final String BASE_URL = "codeshare.base-url";

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final URI base;
  private final Optional<String> bearer;

  private AppClient(URI base, Optional<String> bearer) {
    this.base = base;
    this.bearer = bearer;
  }

  public static AppClient at(URI base) {
    return new AppClient(base, Optional.empty());
  }

  /** The same application, calling with {@code Authorization: Bearer token}. */
  public AppClient as(String token) {
    return new AppClient(base, Optional.of(token));
  }

  /** The application at {@code codeshare.base-url}, default {@code http://localhost:8080/}. */
  public static AppClient fromSystemProperties() {
    return at(URI.create(System.getProperty(BASE_URL, "http://localhost:8080/")));
  }

  public URI base() {
    return base;
  }

  public Reply get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  public Reply postJson(String path, String body) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Any method, with a JSON body when {@code body} is not null. */
  public Reply request(String method, String path, String body) {
    return request(method, path, body, Map.of());
  }

  /** Any method with these {@code headers}, and a JSON body when {@code body} is not null. */
  public Reply request(String method, String path, String body, Map<String, String> headers) {
    var request = HttpRequest.newBuilder(base.resolve(path));
    headers.forEach(request::header);
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return send(request);
  }

  public Reply send(HttpRequest.Builder request) {
    bearer.ifPresent(token -> request.header("Authorization", "Bearer " + token));
    try {
      var response =
          HTTP.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Polls {@code path} until it answers {@code status}; fails with the last reply otherwise. */
  public Reply awaitStatus(String path, int status, Duration timeout) {
    var last = new AtomicReference<Reply>();
    try {
      Await.until(
          "GET " + path + " answers " + status,
          timeout,
          () -> {
            try {
              last.set(get(path));
              return last.get().status() == status;
            } catch (UncheckedIOException e) {
              return false;
            }
          });
    } catch (AssertionError e) {
      var reply = last.get();
      throw new AssertionError(
          e.getMessage() + "; last reply: " + (reply == null ? "none" : reply.summary()), e);
    }
    return last.get();
  }

  /** The value of a Prometheus sample from {@code /metrics}, 0 when it is absent. */
  public double metric(String name) {
    var pattern = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$");
    return get("metrics")
        .body()
        .lines()
        .map(pattern::matcher)
        .filter(java.util.regex.Matcher::matches)
        .mapToDouble(matcher -> Double.parseDouble(matcher.group(2)))
        .sum();
  }

  /** As {@link #metric(String)}, only the samples whose labels include {@code label}. */
  public double metric(String name, String label) {
    var pattern = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)} (\\S+)$");
    return get("metrics")
        .body()
        .lines()
        .map(pattern::matcher)
        .filter(matcher -> matcher.matches() && matcher.group(1).contains(label))
        .mapToDouble(matcher -> Double.parseDouble(matcher.group(2)))
        .sum();
  }

  /** One HTTP answer. */
  public record Reply(int status, HttpResponse<String> response) {

    public String body() {
      return response.body();
    }

    public JsonObject json() {
      try (var reader = Json.createReader(new StringReader(body()))) {
        return reader.readObject();
      }
    }

    public Optional<String> header(String name) {
      return response.headers().firstValue(name);
    }

    public String contentType() {
      return header("Content-Type").orElse("");
    }

    String summary() {
      return status + " " + body();
    }
  }
}
