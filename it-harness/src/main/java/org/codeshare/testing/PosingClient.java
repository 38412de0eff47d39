package org.codeshare.testing;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Calls the app as a client with an address of its own. The app under test trusts loopback as a
 * reverse proxy ({@code CODESHARE_HTTP_TRUSTED_PROXIES} in it-parent), so {@code X-Forwarded-For}
 * names the client: a fresh address has a fresh rate-limit budget, whatever other tests spent.
 */
public record PosingClient(AppClient app, String address) {

  public static PosingClient fresh(AppClient app) {
    return new PosingClient(app, freshAddress());
  }

  /** A random address in the IPv6 documentation range 2001:db8::/32. */
  public static String freshAddress() {
    var random = ThreadLocalRandom.current();
    return String.format(
        "2001:db8:%x:%x:%x:%x:%x:%x",
        random.nextInt(0x10000),
        random.nextInt(0x10000),
        random.nextInt(0x10000),
        random.nextInt(0x10000),
        random.nextInt(0x10000),
        random.nextInt(0x10000));
  }

  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(app.base().resolve(path));
  }

  public AppClient.Reply get(String path) {
    return send(request(path).GET());
  }

  public AppClient.Reply postJson(String path, String body) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(body)));
  }

  public AppClient.Reply send(HttpRequest.Builder request) {
    return app.send(request.header("X-Forwarded-For", address));
  }
}
