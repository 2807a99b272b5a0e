package org.ondes.site.me;

import io.micronaut.core.annotation.Nullable;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Ids in page addresses and form fields, read without ever throwing at the browser. */
final class Ids {
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,18}");

    private Ids() {
    }

    static Optional<UUID> uuid(@Nullable String s) {
        return s != null && UUID_TEXT.matcher(s).matches() ? Optional.of(UUID.fromString(s)) : Optional.empty();
    }

    static Optional<Long> number(@Nullable String s) {
        return s != null && NUMBER.matcher(s).matches() ? Optional.of(Long.parseLong(s)) : Optional.empty();
    }
}
