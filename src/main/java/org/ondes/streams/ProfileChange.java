package org.ondes.streams;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One change of a station's profile overrides, from its history: who made it (user name and role as they were; the
 * name is null where the reader may not see it, e.g. a moderator's name in the owner's view), when, of which kind
 * ({@link #OWNER_EDIT} or {@link #ROLLBACK}, then {@code rollsBack} names the change it undid), and each field it
 * changed with its override before and after (null: no override, what Icecast announces shows).
 */
@Serdeable
public record ProfileChange(long id, UUID stationId, String kind, @Nullable String actor, String actorRole, Instant at,
                            List<FieldChange> fields, @Nullable Long rollsBack) {
    public static final String OWNER_EDIT = "owner_edit";
    public static final String ROLLBACK = "rollback";

    /**
     * One field of a change: its JSON name (as in {@code PATCH /api/v1/me/stations/{id}}) and its override before and
     * after; a string, a list of strings (genres), or null.
     */
    @Serdeable
    public record FieldChange(String field, @Nullable Object before, @Nullable Object after) {
    }

    /** A page of a station's history, newest first, and how many changes it has in all. */
    @Serdeable
    public record Page(List<ProfileChange> items, long total) {
    }

    /** The same change with the actor's name left out. */
    ProfileChange withoutActorName() {
        return new ProfileChange(id, stationId, kind, null, actorRole, at, fields, rollsBack);
    }
}
