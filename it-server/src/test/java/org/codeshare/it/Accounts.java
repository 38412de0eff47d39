package org.codeshare.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.codeshare.testing.AppClient;

/** Signs people up and in through the public API, as a browser or API client would. */
final class Accounts {

  private Accounts() {}

  /** A signed-in account: its id, email and bearer token. */
  record Account(String id, String email, String token) {}

  static Account register(AppClient app, String name) {
    var email = name.toLowerCase() + "-" + UUID.randomUUID() + "@example.com";
    var reply =
        app.postJson(
            "api/auth/register",
            "{\"email\":\""
                + email
                + "\",\"password\":\"password-of-"
                + name
                + "\","
                + "\"displayName\":\""
                + name
                + "\"}");
    assertThat(reply.status()).as("register %s: %s", name, reply.body()).isEqualTo(201);
    var json = reply.json();
    return new Account(json.getJsonObject("user").getString("id"), email, json.getString("token"));
  }

  static Account login(AppClient app, String email, String password) {
    var reply =
        app.postJson(
            "api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    assertThat(reply.status()).as("login %s: %s", email, reply.body()).isEqualTo(200);
    var json = reply.json();
    return new Account(json.getJsonObject("user").getString("id"), email, json.getString("token"));
  }

  static Account admin(AppClient app) {
    return login(
        app,
        System.getProperty("codeshare.it.admin.email"),
        System.getProperty("codeshare.it.admin.password"));
  }
}
