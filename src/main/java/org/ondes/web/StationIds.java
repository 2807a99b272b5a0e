package org.ondes.web;

import java.util.Optional;
import java.util.UUID;

/** Station ids as they come in paths: a UUID in its 36-character form, nothing else. */
public final class StationIds {
    private StationIds() {
    }

    /** The id, or empty when {@code id} is not a station id. */
    public static Optional<UUID> parse(String id) {
        try {
            return id != null && id.length() == 36 ? Optional.of(UUID.fromString(id)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The id; a 400 problem naming {@code id} when it is not one. */
    public static UUID require(String id) {
        return parse(id).orElseThrow(() -> ProblemException.badRequest("id", "must be a station id (UUID)"));
    }
}
