package org.codeshare.it;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.concurrent.ThreadLocalRandom;
import org.codeshare.testing.AppClient;

/**
 * Calls the app as a client with an address of its own. The app under test trusts loopback as a
 * reverse proxy ({@code CODESHARE_HTTP_TRUSTED_PROXIES} in it-parent), so {@code X-Forwarded-For}
 * names the client: a fresh address has a fresh rate-limit budget, whatever other tests spent.
 */
record PosingClient(AppClient app, String address) {

  static PosingClient fresh(AppClient app) {
    return new PosingClient(app, freshAddress());
  }

  /** A random address in the IPv6 documentation range 2001:db8::/32. */
  static String freshAddress() {
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

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(app.base().resolve(path));
  }

  AppClient.Reply get(String path) {
    return send(request(path).GET());
  }

  AppClient.Reply postJson(String path, String body) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(body)));
  }

  AppClient.Reply send(HttpRequest.Builder request) {
    return app.send(request.header("X-Forwarded-For", address));
  }
}
