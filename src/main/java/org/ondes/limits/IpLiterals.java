package org.ondes.limits;

import io.micronaut.core.annotation.Nullable;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Strict IP literals: what a proxy writes into {@code X-Forwarded-For} or an operator into ONDES_TRUSTED_PROXIES.
 * Parsing never looks a name up in DNS (which {@code InetAddress.getByName} would do for anything that is not a
 * literal) and refuses ambiguous forms ({@code 010.1.1.1}, {@code 1.2.3}). IPv4-mapped IPv6 addresses
 * ({@code ::ffff:192.0.2.1}) become their IPv4 address, so one client is one address however it arrived.
 */
final class IpLiterals {
    private static final Pattern V4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern V4_WITH_PORT = Pattern.compile("([0-9.]+):\\d{1,5}");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");
    private static final int MAX_LENGTH = 64;

    private IpLiterals() {
    }

    /**
     * The address {@code text} spells, or null when it is not an IP literal. Accepts {@code 192.0.2.1},
     * {@code 192.0.2.1:4711}, {@code 2001:db8::1}, {@code [2001:db8::1]} and {@code [2001:db8::1]:4711}; surrounding
     * blanks and quotes are ignored. Zone ids ({@code fe80::1%eth0}) are refused: no proxy forwards them.
     */
    @Nullable
    static InetAddress parse(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1).strip();
        }
        if (s.isEmpty() || s.length() > MAX_LENGTH) {
            return null;
        }
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                return null;
            }
            String rest = s.substring(close + 1);
            if (!rest.isEmpty() && !rest.matches(":\\d{1,5}")) {
                return null;
            }
            byte[] v6 = v6(s.substring(1, close));
            return v6 == null ? null : address(v6);
        }
        if (V4_WITH_PORT.matcher(s).matches()) {
            s = s.substring(0, s.indexOf(':'));
        }
        return bare(s);
    }

    /** An address written without brackets, port or quotes ({@code 192.0.2.1}, {@code 2001:db8::1}), else null. */
    @Nullable
    static InetAddress bare(String s) {
        byte[] raw = s.indexOf(':') < 0 ? v4(s) : v6(s);
        return raw == null ? null : address(raw);
    }

    /** The address in its comparable form: IPv4-mapped IPv6 becomes IPv4, the IPv6 scope is dropped. */
    static InetAddress normalise(InetAddress a) {
        if (a instanceof Inet6Address) {
            return address(a.getAddress());
        }
        return a;
    }

    @Nullable
    static byte[] v4(String s) {
        if (!V4.matcher(s).matches()) {
            return null;
        }
        String[] parts = s.split("\\.");
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            out[i] = (byte) Integer.parseInt(parts[i]);
        }
        return out;
    }

    /** RFC 4291 text forms: eight groups, one {@code ::}, an IPv4 tail. Null for anything else. */
    @Nullable
    static byte[] v6(String s) {
        if (s.isEmpty() || s.indexOf(':') < 0 || s.indexOf('%') >= 0) {
            return null;
        }
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        int[] head = groups(gap < 0 ? s : s.substring(0, gap));
        int[] tail = gap < 0 ? new int[0] : groups(s.substring(gap + 2));
        if (head == null || tail == null) {
            return null;
        }
        int total = head.length + tail.length;
        if (gap < 0 ? total != 8 : total > 7) {
            return null;
        }
        byte[] out = new byte[16];
        for (int i = 0; i < head.length; i++) {
            put(out, i, head[i]);
        }
        for (int i = 0; i < tail.length; i++) {
            put(out, 8 - tail.length + i, tail[i]);
        }
        return out;
    }

    /** The 16-bit groups of one side of {@code ::}; an IPv4 tail counts as two groups. Null when malformed. */
    @Nullable
    private static int[] groups(String side) {
        if (side.isEmpty()) {
            return new int[0];
        }
        String[] parts = side.split(":", -1);
        int[] out = new int[parts.length + 1];
        int n = 0;
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i == parts.length - 1 && p.indexOf('.') >= 0) {
                byte[] v4 = v4(p);
                if (v4 == null) {
                    return null;
                }
                out[n++] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
                out[n++] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
            } else if (HEX_GROUP.matcher(p).matches()) {
                out[n++] = Integer.parseInt(p, 16);
            } else {
                return null;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static void put(byte[] out, int group, int value) {
        out[2 * group] = (byte) (value >>> 8);
        out[2 * group + 1] = (byte) value;
    }

    /** An address from raw bytes (never a lookup); IPv4-mapped IPv6 becomes IPv4. */
    static InetAddress address(byte[] raw) {
        byte[] b = raw;
        if (b.length == 16 && isV4Mapped(b)) {
            b = Arrays.copyOfRange(b, 12, 16);
        }
        try {
            return b.length == 4 ? Inet4Address.getByAddress(b) : Inet6Address.getByAddress(null, b, -1);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + b.length, e);
        }
    }

    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }
}
