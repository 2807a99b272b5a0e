package org.ondes.moderation;

import io.micronaut.core.annotation.Nullable;
import org.ondes.limits.Cidr;
import org.ondes.text.PlainText;
import org.ondes.web.ProblemException;

/**
 * A new ban rule as a moderator wrote it, checked and normalised; every refusal is a 400 that names the field. The
 * account of an account rule is looked up by {@link Bans}.
 *
 * @param value the normalised host pattern or range, the name pattern as written, or the user name
 */
record BanInput(BanKind kind, @Nullable String syntax, String value, String reason) {
    /** The reason travels in a YPMessage header line (with a prefix), so it is kept short. */
    static final int MAX_REASON = 200;
    /** IPv4 ranges wider than this (fewer prefix bits) would refuse a large part of the internet. */
    static final int MIN_IPV4_PREFIX = 8;
    static final int MIN_IPV6_PREFIX = 16;

    static BanInput parse(@Nullable String kind, @Nullable String value, @Nullable String syntax, @Nullable String reason) {
        BanKind k = BanKind.parse(kind);
        String why = reason(reason);
        if (k != BanKind.NAME && syntax != null && !syntax.isEmpty()) {
            throw ProblemException.badRequest("syntax", "only name rules have a syntax (glob or regex)");
        }
        return switch (k) {
            case HOST -> new BanInput(k, null, host(value), why);
            case IP -> new BanInput(k, null, range(value), why);
            case NAME -> {
                String s = syntax == null || syntax.isEmpty() ? "glob" : syntax;
                if (!s.equals("glob") && !s.equals("regex")) {
                    throw ProblemException.badRequest("syntax", "must be glob or regex");
                }
                yield new BanInput(k, s, name(s, value), why);
            }
            case ACCOUNT -> new BanInput(k, null, username(value), why);
        };
    }

    static String reason(@Nullable String raw) {
        String clean = PlainText.clean(raw, 10_000);
        if (clean == null) {
            throw ProblemException.badRequest("reason", "is required: the streamer is told why they are refused");
        }
        if (clean.codePointCount(0, clean.length()) > MAX_REASON) {
            throw ProblemException.badRequest("reason", "must be at most " + MAX_REASON
                    + " characters (Icecast gets it in one line of its log)");
        }
        return clean;
    }

    private static String host(@Nullable String raw) {
        try {
            return HostPattern.parse(raw).value();
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("value", e.getMessage());
        }
    }

    private static String range(@Nullable String raw) {
        Cidr cidr;
        try {
            cidr = Cidr.parse(raw == null ? "" : raw);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("value", "must be an IP address or a range such as 203.0.113.0/24 or "
                    + "2001:db8::/48");
        }
        int min = cidr.ipv6() ? MIN_IPV6_PREFIX : MIN_IPV4_PREFIX;
        if (cidr.prefix() < min) {
            throw ProblemException.badRequest("value", "a range wider than /" + min + " would refuse a large part of "
                    + "the internet");
        }
        return cidr.toString();
    }

    private static String name(String syntax, @Nullable String raw) {
        try {
            NamePattern.parse(syntax, raw);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("value", e.getMessage());
        }
        return syntax.equals("glob") ? raw.strip() : raw;
    }

    private static String username(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            throw ProblemException.badRequest("value", "is required: the user name of the account");
        }
        return raw.strip();
    }
}
