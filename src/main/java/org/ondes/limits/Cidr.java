package org.ondes.limits;

import java.net.InetAddress;

/**
 * An address range written as {@code 10.0.0.0/8}, {@code 2001:db8::/32} or a single address ({@code 192.0.2.7},
 * {@code ::1}). Host bits below the prefix are ignored ({@code 10.1.2.3/8} is {@code 10.0.0.0/8}). IPv4 ranges also
 * match IPv4-mapped IPv6 addresses, because both sides are normalised by {@link IpLiterals}. Public for the other
 * places that take ranges from people (moderation's requester-address bans).
 */
public record Cidr(byte[] network, int prefix) {

    /**
     * Parses one range (an entry of ONDES_TRUSTED_PROXIES, a ban rule); throws IllegalArgumentException naming the
     * entry when it is not one.
     */
    public static Cidr parse(String text) {
        String s = text.strip();
        int slash = s.indexOf('/');
        String host = slash < 0 ? s : s.substring(0, slash);
        InetAddress address = IpLiterals.bare(host);
        if (address == null) {
            throw new IllegalArgumentException("\"" + s + "\" is not an IP address or an address range such as 10.0.0.0/8");
        }
        byte[] bytes = address.getAddress();
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String p = s.substring(slash + 1);
            if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > bits) {
                throw new IllegalArgumentException("\"" + s + "\" has an invalid prefix length (0 to " + bits + ")");
            }
            prefix = Integer.parseInt(p);
        }
        return new Cidr(mask(bytes, prefix), prefix);
    }

    /** An IPv6 range (16-byte network), as opposed to an IPv4 one. */
    public boolean ipv6() {
        return network.length == 16;
    }

    public boolean contains(ClientAddress client) {
        return contains(client.address());
    }

    public boolean contains(InetAddress candidate) {
        byte[] b = IpLiterals.normalise(candidate).getAddress();
        if (b.length != network.length) {
            return false;
        }
        byte[] masked = mask(b, prefix);
        for (int i = 0; i < masked.length; i++) {
            if (masked[i] != network[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - 8 * i));
            out[i] = (byte) (out[i] & (0xff << (8 - keep)));
        }
        return out;
    }

    @Override
    public String toString() {
        return IpLiterals.address(network).getHostAddress() + "/" + prefix;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.prefix == prefix && java.util.Arrays.equals(c.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(network) + prefix;
    }
}
