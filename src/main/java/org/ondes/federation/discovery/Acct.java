package org.ondes.federation.discovery;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * An {@code acct:} URI as WebFinger receives it: {@code acct:name@host} or {@code acct:name@host:port}, also
 * percent-encoded (some clients encode the {@code @}) and with a leading {@code @} on the name (people paste handles).
 * The host is compared case-insensitively.
 */
public record Acct(String name, String authority) {

    /** Parses a WebFinger resource; empty when it is not an acct: URI with exactly one name and one host. */
    public static Optional<Acct> parse(String resource) {
        if (resource == null || resource.length() > 512) {
            return Optional.empty();
        }
        String r = resource.strip();
        if (r.regionMatches(true, 0, "acct:", 0, 5)) {
            r = r.substring(5);
        } else {
            return Optional.empty();
        }
        if (r.contains("%")) {
            try {
                r = URLDecoder.decode(r, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        if (r.startsWith("@")) {
            r = r.substring(1);
        }
        int at = r.indexOf('@');
        if (at <= 0 || at != r.lastIndexOf('@') || at == r.length() - 1) {
            return Optional.empty();
        }
        String name = r.substring(0, at).toLowerCase(Locale.ROOT);
        String authority = r.substring(at + 1).toLowerCase(Locale.ROOT);
        if (authority.contains("/") || authority.isBlank() || name.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Acct(name, authority));
    }

    /** Whether this acct names a local account of the instance known as {@code authority}. */
    public boolean isAt(String localAuthority) {
        return authority.equals(localAuthority.toLowerCase(Locale.ROOT));
    }

    public String uri() {
        return "acct:" + name + "@" + authority;
    }
}
