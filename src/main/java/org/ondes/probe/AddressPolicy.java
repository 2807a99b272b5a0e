package org.ondes.probe;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides which host names and addresses Ondes may connect to. A public directory must only ever
 * reach servers that listeners on the internet could reach too: anything else would let a streamer
 * point the directory at its own network (server-side request forgery) and would list streams
 * nobody can play.
 *
 * <p>With {@code allowPrivate} (for tests and closed installations) only addresses that can never
 * carry a stream are refused: the unspecified addresses ({@code 0.0.0.0/8}, {@code ::}), multicast
 * and broadcast. Pure: no DNS look-ups, no I/O.
 */
public final class AddressPolicy {

    private static final String UNREACHABLE = "listeners on the internet cannot reach it";
    private static final String NEVER = "a stream cannot be served from it";

    /** A CIDR range; {@code always} ranges are refused even when private addresses are allowed. */
    private record Range(byte[] net, int bits, String what, boolean always) {
        static Range of(String cidr, String what, boolean always) {
            int slash = cidr.indexOf('/');
            try {
                byte[] net = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
                return new Range(net, Integer.parseInt(cidr.substring(slash + 1)), what, always);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(cidr, e);
            }
        }

        boolean contains(byte[] a) {
            if (a.length != net.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != net[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (a[full] & mask) == (net[full] & mask);
        }
    }

    /** Checked in order: the first range containing an address decides. */
    private static final List<Range> RANGES = List.of(
            Range.of("0.0.0.0/8", "an unspecified (\"this network\", 0.0.0.0/8) address", true),
            Range.of("10.0.0.0/8", "a private (RFC 1918) address", false),
            Range.of("100.64.0.0/10", "a carrier-grade NAT (100.64.0.0/10) address", false),
            Range.of("127.0.0.0/8", "a loopback (127.0.0.0/8) address", false),
            Range.of("169.254.0.0/16", "a link-local (169.254.0.0/16) address", false),
            Range.of("172.16.0.0/12", "a private (RFC 1918) address", false),
            Range.of("192.0.0.0/24", "an IETF protocol (192.0.0.0/24) address", false),
            Range.of("192.0.2.0/24", "a documentation (RFC 5737) address", false),
            Range.of("192.168.0.0/16", "a private (RFC 1918) address", false),
            Range.of("198.18.0.0/15", "a benchmarking (198.18.0.0/15) address", false),
            Range.of("198.51.100.0/24", "a documentation (RFC 5737) address", false),
            Range.of("203.0.113.0/24", "a documentation (RFC 5737) address", false),
            Range.of("224.0.0.0/4", "a multicast (224.0.0.0/4) address", true),
            Range.of("255.255.255.255/32", "the broadcast address", true),
            Range.of("240.0.0.0/4", "a reserved (240.0.0.0/4) address", false),
            Range.of("::/128", "the unspecified IPv6 address", true),
            Range.of("::1/128", "the IPv6 loopback address", false),
            Range.of("fc00::/7", "a unique local (fc00::/7) address", false),
            Range.of("fe80::/10", "a link-local (fe80::/10) address", false),
            Range.of("fec0::/10", "a site-local (fec0::/10) address", false),
            Range.of("ff00::/8", "a multicast (ff00::/8) address", true),
            Range.of("2001:db8::/32", "a documentation (2001:db8::/32) address", false),
            Range.of("100::/64", "a discard-only (100::/64) address", false),
            Range.of("64:ff9b:1::/48", "a local-use NAT64 (64:ff9b:1::/48) address", false));

    /** IPv6 ranges that carry an IPv4 address, judged by that IPv4 address: prefix and where it sits. */
    private record Embedding(Range range, int offset, String what) {
    }

    private static final List<Embedding> EMBEDDINGS = List.of(
            // Written as bytes: the JDK turns an IPv4-mapped literal into a plain IPv4 address.
            new Embedding(new Range(mappedPrefix(), 96, "", false), 12, "an IPv4-mapped address"),
            new Embedding(Range.of("::ffff:0:0:0/96", "", false), 12, "an IPv4-translated address"),
            new Embedding(Range.of("::/96", "", false), 12, "an IPv4-compatible address"),
            new Embedding(Range.of("64:ff9b::/96", "", false), 12, "a NAT64 address"),
            new Embedding(Range.of("2002::/16", "", false), 2, "a 6to4 address"));

    /** Name suffixes that only mean something on a local network, with the reason's wording. */
    private static final List<String> LOCAL_SUFFIXES = List.of("local", "lan", "internal", "home.arpa",
            "localdomain");
    private static final List<String> RESERVED_NAMES = List.of("invalid", "test", "example",
            "example.com", "example.net", "example.org");

    /**
     * A host whose last label is a number is an IPv4 address to browsers (the WHATWG URL standard): 127.1, 2130706433,
     * 0x7f.1 and 0177.0.0.1 all mean 127.0.0.1 there, while the JDK reads some of them otherwise or asks DNS. Only
     * the dotted quad of decimal numbers means the same address everywhere.
     */
    private static final Pattern NUMBER_LAST = Pattern.compile("(?:.*\\.)?(?:[0-9]+|0x[0-9a-f]*)");
    private static final Pattern DOTTED_QUAD = Pattern.compile("(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}"
            + "(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");
    private final boolean allowPrivate;

    public AddressPolicy(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    public boolean allowsPrivate() {
        return allowPrivate;
    }

    /**
     * Refuses host names that can never name a public server. {@code host} is un-bracketed (an IPv6
     * literal is passed as {@code ::1}); IP literals pass here and are judged by {@link #refuseAddress}.
     */
    public Optional<String> refuseHost(String host) {
        if (host == null || host.isBlank()) {
            return Optional.of("the URL has no host name");
        }
        String name = normalized(host);
        String shown = Text.clean(name, 80);
        if (name.indexOf(':') < 0 && NUMBER_LAST.matcher(name).matches() && !DOTTED_QUAD.matcher(name).matches()) {
            return Optional.of(shown + " is an IP address in a short, octal or hexadecimal form, which browsers and"
                    + " servers read differently; write it as four decimal numbers (a.b.c.d) or use a host name");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        if (name.matches("[0-9.]+") || (name.indexOf(':') >= 0 && name.matches("[0-9a-f:.]+"))) {
            return Optional.empty();
        }
        if (!name.matches("[a-z0-9._-]+")) {
            return Optional.of(shown + " is not a valid host name");
        }
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return Optional.of(shown + " always means the directory's own machine; " + UNREACHABLE);
        }
        for (String suffix : LOCAL_SUFFIXES) {
            if (name.equals(suffix) || name.endsWith("." + suffix)) {
                return Optional.of(shown + " is a local-network name (." + suffix + "); " + UNREACHABLE);
            }
        }
        if (name.equals("onion") || name.endsWith(".onion")) {
            return Optional.of(shown + " is a Tor onion name; " + UNREACHABLE + " without Tor");
        }
        for (String reserved : RESERVED_NAMES) {
            if (name.equals(reserved) || name.endsWith("." + reserved)) {
                return Optional.of(shown + " is a reserved example or test name (RFC 2606);"
                        + " it does not point at a real server");
            }
        }
        if (name.indexOf('.') < 0) {
            return Optional.of(shown + " is not a full domain name (it has no dot); " + UNREACHABLE);
        }
        return Optional.empty();
    }

    /**
     * Judges a URL's host without any DNS lookup: a name as {@link #refuseHost} does, an IP literal (a dotted quad, or
     * IPv6 with or without brackets) also by its address. A name that needs DNS passes; the connection checks what it
     * resolves to. For checks that must answer at once (a YP add, a received Audio).
     */
    public Optional<String> refuseWithoutLookup(String host) {
        String bare = host != null && host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        Optional<String> byName = refuseHost(bare);
        if (byName.isPresent()) {
            return byName;
        }
        String name = normalized(bare);
        if (!DOTTED_QUAD.matcher(name).matches() && name.indexOf(':') < 0) {
            return Optional.empty();
        }
        try {
            return refuseAddress(InetAddress.getByName(name)); // a literal: no DNS lookup happens
        } catch (UnknownHostException e) {
            return Optional.of(Text.clean(name, 80) + " is not a valid IP address");
        }
    }

    private static String normalized(String host) {
        String name = host.trim().toLowerCase(Locale.ROOT);
        while (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        return name;
    }

    /** Refuses addresses outside the public internet (or, with allowPrivate, that cannot serve at all). */
    public Optional<String> refuseAddress(InetAddress address) {
        if (address == null) {
            return Optional.of("no address to connect to");
        }
        return refuse(address.getAddress(), Text.address(address));
    }

    private Optional<String> refuse(byte[] bytes, String shown) {
        if (bytes.length == 16) {
            // :: and ::1 sit inside ::/96 but are not IPv4-compatible addresses: judge them first.
            for (Range r : RANGES) {
                if (r.bits() == 128 && r.contains(bytes)) {
                    return verdict(r, shown);
                }
            }
            for (Embedding e : EMBEDDINGS) {
                if (e.range().contains(bytes)) {
                    byte[] v4 = new byte[4];
                    System.arraycopy(bytes, e.offset(), v4, 0, 4);
                    String inner = Text.address(toAddress(v4));
                    return refuse(v4, inner).map(reason -> shown + " is " + e.what() + " for " + inner
                            + "; " + reason);
                }
            }
        }
        for (Range r : RANGES) {
            if (r.contains(bytes)) {
                return verdict(r, shown);
            }
        }
        return Optional.empty();
    }

    private Optional<String> verdict(Range r, String shown) {
        if (allowPrivate && !r.always()) {
            return Optional.empty();
        }
        return Optional.of(shown + " is " + r.what() + "; " + (r.always() ? NEVER : UNREACHABLE));
    }

    private static byte[] mappedPrefix() {
        byte[] b = new byte[16];
        b[10] = (byte) 0xFF;
        b[11] = (byte) 0xFF;
        return b;
    }

    private static InetAddress toAddress(byte[] v4) {
        try {
            return InetAddress.getByAddress(v4);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
