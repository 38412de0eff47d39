package org.codeshare.platform.control;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The reverse proxies whose {@code X-Forwarded-*} headers are believed. With none configured, the
 * direct peer is always the client and forwarded headers are ignored, since any caller can send
 * them.
 */
public final class TrustedProxies {

  private final List<Cidr> networks;

  private TrustedProxies(List<Cidr> networks) {
    this.networks = networks;
  }

  /** Comma-separated networks; blank or {@code none} trusts nobody. */
  public static TrustedProxies parse(String networks) {
    if (networks == null || networks.isBlank() || networks.strip().equalsIgnoreCase("none")) {
      return new TrustedProxies(List.of());
    }
    return new TrustedProxies(
        Arrays.stream(networks.split(","))
            .map(String::strip)
            .filter(network -> !network.isEmpty())
            .map(Cidr::parse)
            .toList());
  }

  public boolean trusts(String address) {
    return IpAddresses.parse(address).filter(this::trusts).isPresent();
  }

  private boolean trusts(InetAddress address) {
    return networks.stream().anyMatch(network -> network.contains(address));
  }

  /**
   * The client's address: the peer itself unless the peer is a trusted proxy; then, walking the
   * {@code X-Forwarded-For} hops from the right, the first one that is not a trusted proxy. Hops
   * left of it were written by the client and prove nothing.
   */
  public String clientAddress(String peer, List<String> forwardedFor) {
    var client = IpAddresses.canonical(peer);
    if (!trusts(peer)) {
      return client;
    }
    var hops =
        forwardedFor.stream()
            .flatMap(header -> Arrays.stream(header.split(",")))
            .map(String::strip)
            .filter(hop -> !hop.isEmpty())
            .toList();
    for (int i = hops.size() - 1; i >= 0; i--) {
      Optional<InetAddress> hop = IpAddresses.parse(hops.get(i));
      if (hop.isEmpty()) {
        break;
      }
      client = hop.get().getHostAddress();
      if (!trusts(hop.get())) {
        break;
      }
    }
    return client;
  }

  @Override
  public String toString() {
    return networks.toString();
  }
}
