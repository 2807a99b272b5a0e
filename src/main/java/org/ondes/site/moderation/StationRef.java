package org.ondes.site.moderation;

import io.micronaut.core.annotation.Nullable;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a moderator types to name a station: its id, or the address of one of its pages (copied from the browser:
 * {@code https://…/stations/<id>}, also its embed or playlist addresses).
 */
final class StationRef {
    private static final String UUID_TEXT = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final Pattern ID = Pattern.compile(UUID_TEXT);
    private static final Pattern IN_ADDRESS = Pattern.compile("(?:^|/)stations/(" + UUID_TEXT + ")(?:[/?#.].*)?$");

    private StationRef() {
    }

    static Optional<UUID> parse(@Nullable String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String s = typed.strip();
        if (ID.matcher(s).matches()) {
            return Optional.of(UUID.fromString(s));
        }
        Matcher m = IN_ADDRESS.matcher(s);
        return m.find() ? Optional.of(UUID.fromString(m.group(1))) : Optional.empty();
    }
}
