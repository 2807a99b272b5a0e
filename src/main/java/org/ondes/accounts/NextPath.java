package org.ondes.accounts;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a sign-in may send the browser afterwards: only a path on this instance. Anything that could leave it (an
 * absolute URL, a scheme, {@code //host}, a backslash that browsers read as a slash, control characters, encoded
 * characters that are none of these in disguise) is refused, and the caller falls back to its default page.
 */
public final class NextPath {
    static final int MAX_LENGTH = 512;
    /** A path (and query) made of URL characters only, starting with exactly one slash. */
    private static final Pattern SAFE = Pattern.compile("/(?![/\\\\])[A-Za-z0-9\\-._~!$&'()*+,;=:@/%?]*");
    /** Percent-encoded slash or backslash (a second decoding by some server could turn them into "//"). */
    private static final Pattern ENCODED_SLASH = Pattern.compile("%(2[fF]|5[cC])");

    private NextPath() {
    }

    public static Optional<String> sanitise(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        if (!SAFE.matcher(raw).matches() || ENCODED_SLASH.matcher(raw).find() || raw.contains("/../") || raw.endsWith("/..")) {
            return Optional.empty();
        }
        return Optional.of(raw);
    }
}
