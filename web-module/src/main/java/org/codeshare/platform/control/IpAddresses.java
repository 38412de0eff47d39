package org.codeshare.platform.control;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses IP address literals as they appear in headers ({@code 192.0.2.1}, {@code 192.0.2.1:443},
 * {@code 2001:db8::1}, {@code [2001:db8::1]:443}) without ever resolving a host name.
 */
public final class IpAddresses {

  private static final Pattern IPV4 =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private IpAddresses() {}

  public static Optional<InetAddress> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    var value = text.strip();
    if (value.startsWith("[")) {
      var end = value.indexOf(']');
      value = end < 0 ? "" : value.substring(1, end);
    } else if (value.indexOf(':') > 0 && value.indexOf(':') == value.lastIndexOf(':')) {
      value = value.substring(0, value.indexOf(':'));
    }
    var zone = value.indexOf('%');
    if (zone >= 0) {
      value = value.substring(0, zone);
    }
    var ipv4 = IPV4.matcher(value);
    if (ipv4.matches()) {
      return ipv4(ipv4);
    }
    if (!IPV6.matcher(value).matches() || value.length() > 45) {
      return Optional.empty();
    }
    try {
      // Only hex digits, colons and dots reach here: parsed as a literal, never looked up.
      return Optional.of(InetAddress.getByName(value));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** The canonical text of an address literal, or the input unchanged when it is not one. */
  public static String canonical(String text) {
    return parse(text).map(InetAddress::getHostAddress).orElse(text);
  }

  private static Optional<InetAddress> ipv4(Matcher octets) {
    var bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      var octet = Integer.parseInt(octets.group(i + 1));
      if (octet > 255) {
        return Optional.empty();
      }
      bytes[i] = (byte) octet;
    }
    try {
      return Optional.of(InetAddress.getByAddress(bytes));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
