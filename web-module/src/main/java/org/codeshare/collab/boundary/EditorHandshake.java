package org.codeshare.collab.boundary;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.security.Principal;
import java.util.List;
import java.util.Map;

/**
 * Keeps what the endpoint needs from the HTTP upgrade request: the origin, host and forwarded host
 * (checked again on open; no browser page can set {@code X-Forwarded-Host} on a WebSocket
 * handshake, so it cannot let a foreign page in), the ticket, and the principal that {@code
 * TokenAuthentication} set from the session cookie or bearer token. Stored per connection in the
 * handshake's user properties.
 */
public class EditorHandshake extends ServerEndpointConfig.Configurator {

  static final String KEY = Captured.class.getName();

  /** The upgrade request, as far as the endpoint cares. */
  record Captured(
      String origin, String host, String forwardedHost, String ticket, Principal principal) {}

  @Override
  public void modifyHandshake(
      ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
    config
        .getUserProperties()
        .put(
            KEY,
            new Captured(
                first(request.getHeaders(), "Origin"),
                first(request.getHeaders(), "Host"),
                first(request.getHeaders(), "X-Forwarded-Host"),
                first(request.getParameterMap(), "ticket"),
                request.getUserPrincipal()));
  }

  private static String first(Map<String, List<String>> values, String name) {
    for (var entry : values.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(name)
          && entry.getValue() != null
          && !entry.getValue().isEmpty()) {
        return entry.getValue().get(0);
      }
    }
    return null;
  }
}
