package org.ondes.moderation;

import org.ondes.limits.ClientAddress;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A listen-URL host rule: one host ({@code radio.example.net}, {@code 192.0.2.7}, {@code 2001:db8::7}), or
 * {@code *.example.net} for every name under example.net (not example.net itself). Names are compared in lower case
 * and in their ASCII (punycode) form, without a trailing dot; IPv6 literals in their canonical form.
 *
 * @param value  the normalised rule text, as stored and shown
 * @param suffix for {@code *.} rules, the domain with a leading dot; else null
 */
record HostPattern(String value, String suffix) {
    static final int MAX_LENGTH = 253;
    private static final Pattern NAME = Pattern.compile(
            "[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*");

    /** Parses what a moderator typed; throws IllegalArgumentException saying what is wrong. */
    static HostPattern parse(String raw) {
        String s = raw == null ? "" : raw.strip();
        boolean wildcard = s.startsWith("*.");
        String host = normalise(wildcard ? s.substring(2) : s);
        if (host == null) {
            throw new IllegalArgumentException("must be a host name such as radio.example.net, *.example.net for every "
                    + "name under a domain, or an IP address");
        }
        if (wildcard) {
            if (host.indexOf(':') >= 0 || host.matches("[0-9.]+")) {
                throw new IllegalArgumentException("*. goes before a domain name, not an address");
            }
            if (host.indexOf('.') < 0) {
                throw new IllegalArgumentException("*." + host + " would refuse a whole top-level domain; name a domain"
                        + " such as *.example.net");
            }
            return new HostPattern("*." + host, "." + host);
        }
        return new HostPattern(host, null);
    }

    boolean matches(String urlHost) {
        String host = normalise(urlHost);
        if (host == null) {
            return false;
        }
        return suffix == null ? host.equals(value) : host.endsWith(suffix);
    }

    /** Lower case, ASCII, no brackets or trailing dot, IPv6 canonical; null when it is no host name or address. */
    static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.indexOf(':') >= 0) {
            try {
                return ClientAddress.of(s).text();
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        while (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        try {
            s = IDN.toASCII(s, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return s.isEmpty() || s.length() > MAX_LENGTH || !NAME.matcher(s).matches() ? null : s;
    }
}
