package org.ondes.streams;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.ondes.web.ProblemException;

import java.util.Optional;
import java.util.UUID;

/**
 * Profile history facade: every change of a station's profile overrides (who, when, each field before and after),
 * for moderators and for the station's owner, and the moderators' rollback of one change. Owner edits are recorded by
 * {@link Streams#updateProfile}; both go through the same locked write.
 */
@Singleton
public class ProfileHistory {
    /** A rollback that was done: the history row it wrote, and the station's owner and effective name before it. */
    public record RolledBack(ProfileChange change, long ownerId, String stationName) {
    }

    private final ProfileHistoryStore store;
    private final ProfileEdits edits;
    private final Streams streams;

    ProfileHistory(ProfileHistoryStore store, ProfileEdits edits, Streams streams) {
        this.store = store;
        this.edits = edits;
        this.streams = streams;
    }

    /** The station's changes, newest first, as moderators see them; empty when there is no such station. */
    @Transactional
    public Optional<ProfileChange.Page> ofStation(UUID stationId, int limit, int offset) {
        return store.stationExists(stationId, null) ? Optional.of(store.page(stationId, limit, offset)) : Optional.empty();
    }

    /**
     * The owner's station's changes, newest first; another account's station is "not found". The owner sees that a
     * rollback was made and by which role, not the moderator's name (as with a moderator's hide).
     */
    @Transactional
    public ProfileChange.Page ofOwnStation(long ownerId, UUID stationId, int limit, int offset) {
        if (!store.stationExists(stationId, ownerId)) {
            throw ProblemException.notFound("you have no station " + stationId);
        }
        ProfileChange.Page page = store.page(stationId, limit, offset);
        return new ProfileChange.Page(page.items().stream()
                .map(c -> ProfileChange.ROLLBACK.equals(c.kind()) ? c.withoutActorName() : c).toList(), page.total());
    }

    /**
     * Sets every field that change {@code changeId} touched back to its value before that change, whatever it holds
     * now (fields the change did not touch keep later edits), records that as a change of kind rollback, and shows it
     * in the catalog like an owner's edit. 404 when the station has no such change; 409 when those fields already hold
     * those values.
     */
    @Transactional
    public RolledBack rollback(ProfileEditor moderator, UUID stationId, long changeId) {
        ProfileChange target = store.find(stationId, changeId).orElseThrow(() -> ProblemException.notFound(
                "station " + stationId + " has no profile change " + changeId));
        ProfileEdits.Outcome outcome = edits.apply(stationId, null, ProfileDiff.before(target), moderator,
                ProfileChange.ROLLBACK, changeId).orElseThrow(() -> ProblemException.notFound("no station " + stationId));
        if (outcome.recorded() == null) {
            throw new ProblemException(HttpStatus.CONFLICT, "Nothing to roll back", "the fields change " + changeId
                    + " touched already hold their values from before it");
        }
        streams.profileChanged(outcome.change());
        return new RolledBack(outcome.recorded(), outcome.before().ownerId(), outcome.before().name());
    }
}
