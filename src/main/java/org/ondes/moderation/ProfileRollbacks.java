package org.ondes.moderation;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.ondes.accounts.Accounts;
import org.ondes.streams.ModeratedStation;
import org.ondes.streams.ProfileChange;
import org.ondes.streams.ProfileEditor;
import org.ondes.streams.ProfileHistory;
import org.ondes.streams.Streams;
import org.ondes.web.ProblemException;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Moderators' side of the station profile history: read a station's changes, and roll one back (every field it
 * touched goes back to its value before it). A rollback is logged in mod_actions as {@code rollback_profile} with the
 * station, its owner and the change id, in the transaction that makes it.
 */
@Singleton
public class ProfileRollbacks {
    /**
     * A station's history as the moderation page shows it.
     *
     * @param station the station (effective name, owner id, visibility)
     * @param owner   its owner's user name, if the account still exists
     */
    public record History(ModeratedStation station, @Nullable String owner, ProfileChange.Page changes) {
    }

    private final ProfileHistory history;
    private final Streams streams;
    private final Accounts accounts;
    private final ActionLog log;

    ProfileRollbacks(ProfileHistory history, Streams streams, Accounts accounts, ActionLog log) {
        this.history = history;
        this.streams = streams;
        this.accounts = accounts;
        this.log = log;
    }

    /** The station's profile changes, newest first; 404 when there is no such station. */
    @Transactional
    public ProfileChange.Page changes(UUID stationId, int limit, int offset) {
        return history.ofStation(stationId, limit, offset).orElseThrow(() -> noStation(stationId));
    }

    /** The station with its owner's name and a page of its changes; 404 when there is no such station. */
    @Transactional
    public History station(UUID stationId, int limit, int offset) {
        ModeratedStation station = streams.moderated(stationId).orElseThrow(() -> noStation(stationId));
        String owner = accounts.usernames(List.of(station.ownerId())).get(station.ownerId());
        return new History(station, owner, changes(stationId, limit, offset));
    }

    /**
     * Rolls change {@code changeId} of the station back and logs it with the optional {@code reason}; returns the
     * history row of the rollback. 404 when the station has no such change, 409 when there is nothing to restore.
     */
    @Transactional
    public ProfileChange rollback(Moderation.Actor actor, UUID stationId, long changeId, @Nullable String reason) {
        String why = Moderation.reason(reason, false);
        ProfileHistory.RolledBack done = history.rollback(
                new ProfileEditor(actor.accountId(), actor.username(), actor.role().wire()), stationId, changeId);
        String fields = done.change().fields().stream().map(ProfileChange.FieldChange::field)
                .collect(Collectors.joining(", "));
        log.record(ModerationAction.ROLLBACK_PROFILE, actor, stationId, done.ownerId(), done.stationName(), why,
                "change " + changeId + " rolled back (" + fields + ")");
        return done.change();
    }

    private static ProblemException noStation(UUID id) {
        return ProblemException.notFound("no station " + id);
    }
}
