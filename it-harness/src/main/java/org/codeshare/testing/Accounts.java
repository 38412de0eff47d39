package org.codeshare.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.util.UUID;

/** Signs people up and in through the public API, as a browser or API client would. */
public final class Accounts {

  private Accounts() {}

  /** A signed-in account: its id, email and bearer token. */
  public record Account(String id, String email, String token) {}

  /**
   * A new account named {@code name}, with a unique email and the password {@code
   * password-of-<name>}.
   */
  public static Account register(AppClient app, String name) {
    var email = name.toLowerCase() + "-" + UUID.randomUUID() + "@example.com";
    var body =
        Json.createObjectBuilder()
            .add("email", email)
            .add("password", "password-of-" + name)
            .add("displayName", name)
            .build();
    var reply = app.postJson("api/auth/register", body.toString());
    assertThat(reply.status()).as("register %s: %s", name, reply.body()).isEqualTo(201);
    return signedIn(reply, email);
  }

  public static Account login(AppClient app, String email, String password) {
    var body = Json.createObjectBuilder().add("email", email).add("password", password).build();
    var reply = app.postJson("api/auth/login", body.toString());
    assertThat(reply.status()).as("login %s: %s", email, reply.body()).isEqualTo(200);
    return signedIn(reply, email);
  }

  /**
   * The administrator the application was started with, as the test run configures it (system
   * properties {@code codeshare.it.admin.email} and {@code codeshare.it.admin.password}).
   */
  public static Account admin(AppClient app) {
    return login(
        app,
        System.getProperty("codeshare.it.admin.email"),
        System.getProperty("codeshare.it.admin.password"));
  }

  private static Account signedIn(AppClient.Reply reply, String email) {
    var json = reply.json();
    return new Account(json.getJsonObject("user").getString("id"), email, json.getString("token"));
  }
}
