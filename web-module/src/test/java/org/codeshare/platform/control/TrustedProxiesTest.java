package org.codeshare.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

  private final TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 192.168.1.7, fd00::/8");

  @Test
  void cidrMatchesIpv4AndIpv6NetworksByPrefix() {
    assertThat(Cidr.parse("10.0.0.0/8").contains(IpAddresses.parse("10.255.1.2").orElseThrow()))
        .isTrue();
    assertThat(Cidr.parse("10.0.0.0/8").contains(IpAddresses.parse("11.0.0.1").orElseThrow()))
        .isFalse();
    assertThat(Cidr.parse("172.16.0.0/12").contains(IpAddresses.parse("172.31.9.9").orElseThrow()))
        .isTrue();
    assertThat(Cidr.parse("172.16.0.0/12").contains(IpAddresses.parse("172.32.0.1").orElseThrow()))
        .isFalse();
    assertThat(
            Cidr.parse("2001:db8::/32")
                .contains(IpAddresses.parse("2001:db8:ffff::1").orElseThrow()))
        .isTrue();
    assertThat(Cidr.parse("2001:db8::/32").contains(IpAddresses.parse("2001:db9::1").orElseThrow()))
        .isFalse();
    assertThat(Cidr.parse("0.0.0.0/0").contains(IpAddresses.parse("8.8.8.8").orElseThrow()))
        .isTrue();
    assertThat(Cidr.parse("::/0").contains(IpAddresses.parse("8.8.8.8").orElseThrow()))
        .as("IPv4 never matches an IPv6 network")
        .isFalse();
    assertThat(Cidr.parse("10.1.2.3/8")).hasToString("10.0.0.0/8");
  }

  @Test
  void aBareAddressIsASingleHostNetwork() {
    assertThat(proxies.trusts("192.168.1.7")).isTrue();
    assertThat(proxies.trusts("192.168.1.8")).isFalse();
  }

  @Test
  void ipv4MappedAndBracketedPeersAreRecognised() {
    assertThat(proxies.trusts("::ffff:10.1.1.1")).isTrue();
    assertThat(proxies.trusts("[fd12::1]")).isTrue();
    assertThat(proxies.trusts("fd12::1%eth0")).isTrue();
  }

  @Test
  void invalidNetworksFailAtStartup() {
    for (var invalid :
        new String[] {"10.0.0.0/33", "fd00::/129", "example.com", "10.0.0/8", "1.2.3.4/x"}) {
      assertThatThrownBy(() -> TrustedProxies.parse(invalid))
          .as(invalid)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void withNoTrustedProxiesForwardedForIsIgnored() {
    for (var none : new String[] {null, "", " ", "none"}) {
      var nobody = TrustedProxies.parse(none);
      assertThat(nobody.clientAddress("10.0.0.1", List.of("203.0.113.9"))).isEqualTo("10.0.0.1");
    }
  }

  @Test
  void anUntrustedPeerIsTheClientWhateverItForwards() {
    assertThat(proxies.clientAddress("198.51.100.4", List.of("203.0.113.9")))
        .isEqualTo("198.51.100.4");
  }

  @Test
  void behindTrustedProxiesTheRightMostUntrustedHopIsTheClient() {
    assertThat(proxies.clientAddress("10.0.0.1", List.of("203.0.113.9"))).isEqualTo("203.0.113.9");
    assertThat(
            proxies.clientAddress(
                "10.0.0.1", List.of("1.1.1.1, 203.0.113.9, 192.168.1.7", "10.2.2.2")))
        .as("a spoofed left-most entry is skipped")
        .isEqualTo("203.0.113.9");
  }

  @Test
  void whenEveryHopIsTrustedTheLeftMostIsTheClient() {
    assertThat(proxies.clientAddress("10.0.0.1", List.of("10.9.9.9, 10.8.8.8")))
        .isEqualTo("10.9.9.9");
    assertThat(proxies.clientAddress("10.0.0.1", List.of())).isEqualTo("10.0.0.1");
  }

  @Test
  void malformedHopsStopTheWalk() {
    assertThat(proxies.clientAddress("10.0.0.1", List.of("203.0.113.9, unknown")))
        .isEqualTo("10.0.0.1");
    assertThat(proxies.clientAddress("10.0.0.1", List.of("evil.example, 203.0.113.9")))
        .isEqualTo("203.0.113.9");
  }

  @Test
  void hopsWithPortsAndIpv6AreCanonical() {
    assertThat(proxies.clientAddress("10.0.0.1", List.of("203.0.113.9:4711")))
        .isEqualTo("203.0.113.9");
    assertThat(proxies.clientAddress("10.0.0.1", List.of("[2001:DB8::1]:443")))
        .isEqualTo("2001:db8:0:0:0:0:0:1");
    assertThat(proxies.clientAddress("fd00::1", List.of("2001:db8::1")))
        .isEqualTo("2001:db8:0:0:0:0:0:1");
  }

  @Test
  void addressParsingNeverResolvesHostNames() {
    for (var notAnAddress :
        new String[] {
          "localhost", "example.com", "1.2.3", "256.1.1.1", "1:2", "abc:def:ghi", "", "::g"
        }) {
      assertThat(IpAddresses.parse(notAnAddress)).as(notAnAddress).isEmpty();
    }
    assertThat(IpAddresses.parse("::1")).isPresent();
    assertThat(IpAddresses.canonical("not-an-ip")).isEqualTo("not-an-ip");
  }
}
