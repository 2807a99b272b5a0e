package org.ondes.limits;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * The address a request comes from, as {@link ClientAddresses} resolves it (through trusted proxies only).
 *
 * @param address an IPv4 address, or IPv6 that is not IPv4-mapped
 */
public record ClientAddress(InetAddress address) {
    public ClientAddress {
        address = IpLiterals.normalise(address);
    }

    /** For tests and callers that hold a literal; throws IllegalArgumentException when {@code text} is not one. */
    public static ClientAddress of(String text) {
        InetAddress a = IpLiterals.parse(text);
        if (a == null) {
            throw new IllegalArgumentException("not an IP address: " + text);
        }
        return new ClientAddress(a);
    }

    /** The address as text ({@code 192.0.2.7}, {@code 2001:db8:0:0:0:0:0:1}), as stored with a YP add. */
    public String text() {
        return address.getHostAddress();
    }

    /**
     * What per-address limits count under: the IPv4 address, or the /64 network of an IPv6 address (one household,
     * server or VM usually gets a whole /64, so counting single IPv6 addresses would be no limit at all).
     */
    public String limitKey() {
        if (address instanceof Inet6Address) {
            byte[] net = Arrays.copyOf(address.getAddress(), 16);
            Arrays.fill(net, 8, 16, (byte) 0);
            return IpLiterals.address(net).getHostAddress() + "/64";
        }
        return address.getHostAddress();
    }

    @Override
    public String toString() {
        return text();
    }
}
