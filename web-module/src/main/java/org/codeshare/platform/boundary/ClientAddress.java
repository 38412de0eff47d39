package org.codeshare.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.codeshare.platform.control.Origins;
import org.codeshare.platform.control.TrustedProxies;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who is calling, and at which origin, as far as the server can tell. {@code X-Forwarded-*} headers
 * count only when the direct peer is one of {@code codeshare.http.trusted-proxies}.
 */
@ApplicationScoped
public class ClientAddress {

  private static final Logger LOG = Logger.getLogger(ClientAddress.class.getName());

  @Inject
  @ConfigProperty(name = "codeshare.http.trusted-proxies", defaultValue = "none")
  String trustedProxies;

  private TrustedProxies proxies;

  @PostConstruct
  void init() {
    proxies = TrustedProxies.parse(trustedProxies);
    LOG.config(() -> "Trusted proxies: " + proxies);
  }

  /** The client's IP address in canonical form: the right-most untrusted forwarded hop. */
  public String of(HttpServletRequest request) {
    return proxies.clientAddress(
        request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
  }

  /** The host the client addressed, as a trusted proxy forwards it ({@code X-Forwarded-Host}). */
  public Optional<String> forwardedHost(HttpServletRequest request) {
    return proxies.trusts(request.getRemoteAddr())
        ? first(request.getHeader("X-Forwarded-Host"))
        : Optional.empty();
  }

  /**
   * The origin ({@code scheme://host[:port]}) the client addressed: from {@code X-Forwarded-Proto}
   * and {@code X-Forwarded-Host} behind a trusted proxy, else from the request and its {@code
   * Host}. Empty when the host is not a valid one.
   */
  public Optional<String> originOf(HttpServletRequest request) {
    var forwarded = proxies.trusts(request.getRemoteAddr());
    var scheme =
        first(forwarded ? request.getHeader("X-Forwarded-Proto") : null)
            .map(value -> value.toLowerCase(Locale.ROOT))
            .filter(value -> value.equals("http") || value.equals("https"))
            .orElse(request.getScheme());
    var host =
        first(forwarded ? request.getHeader("X-Forwarded-Host") : null)
            .or(() -> first(request.getHeader("Host")))
            .orElse(request.getServerName() + ":" + request.getServerPort());
    return Origins.of(scheme + "://" + host);
  }

  private static Optional<String> first(String header) {
    return Optional.ofNullable(header)
        .map(value -> value.split(",", 2)[0].strip())
        .filter(value -> !value.isEmpty());
  }
}
