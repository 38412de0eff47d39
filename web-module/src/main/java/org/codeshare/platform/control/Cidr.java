package org.codeshare.platform.control;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An IPv4 or IPv6 network such as {@code 10.0.0.0/8} or {@code fd00::/8}; an address alone is a /32
 * or /128.
 */
public final class Cidr {

  private final byte[] network;
  private final int prefixLength;

  private Cidr(byte[] network, int prefixLength) {
    this.network = network;
    this.prefixLength = prefixLength;
  }

  public static Cidr parse(String text) {
    var slash = text.indexOf('/');
    var address = slash < 0 ? text : text.substring(0, slash);
    var bytes =
        IpAddresses.parse(address)
            .orElseThrow(() -> new IllegalArgumentException("not an IP network: " + text))
            .getAddress();
    var bits = bytes.length * 8;
    int prefix;
    try {
      prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1).strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not an IP network: " + text, e);
    }
    if (prefix < 0 || prefix > bits) {
      throw new IllegalArgumentException("prefix length out of range: " + text);
    }
    return new Cidr(masked(bytes, prefix), prefix);
  }

  public boolean contains(InetAddress address) {
    var bytes = address.getAddress();
    return bytes.length == network.length && Arrays.equals(masked(bytes, prefixLength), network);
  }

  private static byte[] masked(byte[] address, int prefix) {
    var result = address.clone();
    for (int i = 0; i < result.length; i++) {
      var keep = Math.max(0, Math.min(8, prefix - i * 8));
      result[i] &= (byte) (0xff << (8 - keep));
    }
    return result;
  }

  @Override
  public String toString() {
    try {
      return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
