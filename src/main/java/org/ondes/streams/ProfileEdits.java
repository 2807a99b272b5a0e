package org.ondes.streams;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The one way a station's profile changes (an owner's edit, a moderator's rollback): lock the station row, keep only
 * the fields whose values really change, write them, and record them in the profile history, all in the caller's
 * transaction. The lock makes an edit and a rollback of one station take turns, so neither sees the other half-done.
 */
@Singleton
class ProfileEdits {
    /**
     * What a change did.
     *
     * @param before   the station as it was (locked)
     * @param change   its visibility before and after; null when nothing changed (nothing was written)
     * @param recorded the history row; null when no profile field changed (nothing, or only the unlisted choice)
     */
    record Outcome(ProfileStore.Snapshot before, @Nullable ProfileStore.Change change, @Nullable ProfileChange recorded) {
    }

    private final ProfileStore profiles;
    private final ProfileHistoryStore history;

    ProfileEdits(ProfileStore profiles, ProfileHistoryStore history) {
        this.profiles = profiles;
        this.history = history;
    }

    /**
     * Sets {@code wanted} on the station ({@code ownerId}'s, when given); empty when there is no such station. The
     * history row is of {@code kind} by {@code editor}, and names the change it undoes as {@code rollsBack}.
     */
    Optional<Outcome> apply(UUID stationId, @Nullable Long ownerId, Map<ProfilePatch.Field, Object> wanted,
                            ProfileEditor editor, String kind, @Nullable Long rollsBack) {
        return profiles.lock(stationId, ownerId).map(before -> {
            Map<ProfilePatch.Field, Object> changed = ProfileDiff.changed(before.values(), wanted);
            if (changed.isEmpty()) {
                return new Outcome(before, null, null);
            }
            ProfileStore.Change change = profiles.write(before, changed);
            List<ProfileChange.FieldChange> fields = ProfileDiff.recorded(before.values(), changed);
            ProfileChange recorded = fields.isEmpty() ? null
                    : history.insert(stationId, kind, editor, fields, rollsBack);
            return new Outcome(before, change, recorded);
        });
    }
}
