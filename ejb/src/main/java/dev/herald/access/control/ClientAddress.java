package dev.herald.access.control;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The address that sign-in failures are counted against: an IPv4 address as it is, an IPv6 address
 * by its /64 network (one household or server usually holds a whole /64, so counting single IPv6
 * addresses would give an attacker billions of fresh ones). It is the address the server saw:
 * behind a reverse proxy that is the proxy's, for everyone.
 */
public final class ClientAddress {

    /** What is counted when the server reports no usable address. */
    public static final String UNKNOWN = "unknown";

    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private ClientAddress() {}

    /** The counting group of an address as the servlet container reports it (never a host name). */
    public static String group(String remoteAddress) {
        if (remoteAddress == null) {
            return UNKNOWN;
        }
        String address = remoteAddress.strip();
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        int zone = address.indexOf('%');
        if (zone >= 0) {
            // A link-local address's zone (fe80::1%eth0) names an interface here, not a network.
            address = address.substring(0, zone);
        }
        // Only literals reach InetAddress, which would otherwise look a name up in DNS: an IPv4
        // address of four octets, or an IPv6 one in brackets (which InetAddress never looks up).
        String literal;
        if (address.contains(":")) {
            literal = IPV6.matcher(address).matches() ? "[" + address + "]" : null;
        } else {
            literal = IPV4.matcher(address).matches() ? address : null;
        }
        if (literal == null) {
            return UNKNOWN;
        }
        InetAddress parsed;
        try {
            parsed = InetAddress.getByName(literal);
        } catch (UnknownHostException | SecurityException notAnAddress) {
            return UNKNOWN;
        }
        if (parsed instanceof Inet4Address) {
            // Also an IPv4-mapped IPv6 address, which Java turns into the IPv4 address it carries.
            return parsed.getHostAddress();
        }
        if (parsed instanceof Inet6Address) {
            return network64(parsed.getAddress());
        }
        return UNKNOWN;
    }

    /** The first 64 bits as an IPv6 prefix in its usual short form, e.g. {@code 2001:db8:0:1::/64}. */
    private static String network64(byte[] bytes) {
        byte[] network = Arrays.copyOf(bytes, 16);
        Arrays.fill(network, 8, 16, (byte) 0);
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((network[2 * i] & 0xff) << 8) | (network[2 * i + 1] & 0xff);
        }
        // The longest run of zero groups (at least two) is written as "::", as RFC 5952 asks.
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && groups[i] == 0) {
                i++;
            }
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text + "/64";
    }
}
