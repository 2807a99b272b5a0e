package org.ondes.streams;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import org.ondes.config.AfterCommit;
import jakarta.transaction.Transactional;
import org.ondes.streams.events.StationChanged;
import org.ondes.streams.events.StreamEvent;
import org.ondes.streams.events.StreamWentLive;
import org.ondes.streams.events.StreamWentOffline;
import org.ondes.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Streams capability facade: stations (durable programs) and sessions (live YP registrations), their liveness and
 * listing state. Other capabilities use this class and the view/event records, never the tables.
 */
@Singleton
public class Streams {
    private static final Logger LOG = LoggerFactory.getLogger(Streams.class);
    /** How long ended sessions stay visible to their owner. */
    static final long HISTORY_SECONDS = 24 * 3600;

    public record Added(UUID sessionId, UUID stationId, String sid) {
    }

    /** A page of stations for moderation, and how many match in all. */
    public record ModeratedStations(List<ModeratedStation> items, long total) {
    }

    /** Why the sessions of a hidden station left the public lists (the reason of their offline events). */
    public static final String HIDDEN = "hidden";

    private final SessionStore sessions;
    private final StreamsQueries queries;
    private final OwnerStations owners;
    private final ProfileStore profiles;
    private final ProfileEdits edits;
    private final TouchBatcher touches;
    private final ListenUrlVerificationJob verification;
    private final ApplicationEventPublisher<StreamEvent> events;
    private final ApplicationEventPublisher<StationChanged> stationEvents;
    private final AfterCommit afterCommit;

    /** Looked up when used: moderation's rules depend on this facade in turn. */
    private final BeanProvider<DisplayNameRules> nameRules;

    Streams(SessionStore sessions, StreamsQueries queries, OwnerStations owners, ProfileStore profiles,
            ProfileEdits edits, TouchBatcher touches, ListenUrlVerificationJob verification, ApplicationEventPublisher<StreamEvent> events,
            ApplicationEventPublisher<StationChanged> stationEvents, AfterCommit afterCommit,
            BeanProvider<DisplayNameRules> nameRules) {
        this.nameRules = nameRules;
        this.sessions = sessions;
        this.queries = queries;
        this.owners = owners;
        this.profiles = profiles;
        this.edits = edits;
        this.touches = touches;
        this.verification = verification;
        this.events = events;
        this.stationEvents = stationEvents;
        this.afterCommit = afterCommit;
    }

    /** A new session id: upper-case UUID, only [A-F0-9-], safe to travel unescaped in Icecast's touch bodies. */
    public static String newSid() {
        return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }

    /** SIDs are compared case-insensitively (Icecast sends them back verbatim, other clients may not). */
    public static String normaliseSid(String sid) {
        return sid == null ? null : sid.trim().toUpperCase(Locale.ROOT);
    }

    /**
     * Stores the session as pending and schedules its listen-URL check; a live session for the same URL is replaced.
     * Empty when {@code maxLiveOfToken > 0} and the token already has that many other live sessions (checked under a
     * per-token lock, so simultaneous adds cannot exceed it).
     */
    public Optional<Added> add(Announcement announcement, String sid, String message, int maxLiveOfToken) {
        Optional<SessionStore.Added> added = sessions.add(announcement, sid, message, maxLiveOfToken);
        added.ifPresent(a -> {
            offline(a.replaced(), "replaced");
            verification.wakeUp();
        });
        return added.map(a -> new Added(a.sessionId(), a.stationId(), sid));
    }

    public CompletableFuture<TouchOutcome> touch(TouchUpdate update) {
        return touches.submit(update);
    }

    /** Ends the session; false when no live session has this SID under this token. */
    public boolean remove(String sid, long tokenId, String message) {
        List<SessionStore.Ended> ended = sessions.remove(sid, tokenId, message);
        offline(ended, "removed");
        return !ended.isEmpty();
    }

    /** Explains a SID that a touch or remove did not match. */
    public SidStatus status(String sid, long tokenId) {
        return sessions.status(sid, tokenId);
    }

    /** Cuts off every live session announced with the token; joins the caller's transaction. */
    public int endSessionsOfToken(long tokenId, String reason) {
        List<SessionStore.Ended> ended = sessions.endAllOfToken(tokenId, reason);
        offline(ended, reason);
        return ended.size();
    }

    public List<StreamView> listed(int limit, int offset) {
        return queries.listed(limit, offset);
    }

    /**
     * Streams every listed session to {@code consumer}, in no particular order, without holding them in memory: the
     * rows come from a server-side cursor inside a read-only transaction, a thousand per round trip. The consumer
     * runs while that transaction (and its pooled connection) is held, so it must not wait long; an exception it
     * throws stops the read and propagates.
     */
    public void forEachListed(Consumer<StreamView> consumer) {
        queries.forEachListed(consumer);
    }

    /** The station's listed sessions, most listeners first; empty when the station is unknown or not live. */
    public List<StreamView> listedOfStation(UUID stationId) {
        return queries.listedOfStation(stationId);
    }

    public long countListed() {
        return queries.countListed();
    }

    /** Snapshot of the given stations' listed sessions, for the catalog projection (absent = not live). */
    public List<LiveStation> liveStations(java.util.Collection<UUID> stationIds) {
        return stationIds.isEmpty() ? List.of() : queries.liveStations(stationIds);
    }

    /** The public profile of a station, live or not. */
    public java.util.Optional<StationProfile> profile(UUID stationId) {
        return queries.profile(stationId);
    }

    /** A station whose page answers (public, or unlisted by its owner), and whether it is unlisted. */
    public record ReachableStation(StationProfile profile, boolean unlisted) {
    }

    /**
     * One of this instance's stations, as its actor and direct link show it: public or unlisted; empty when unknown,
     * hidden by a moderator, or another instance's (remote) station, which is never served as our actor.
     */
    @Transactional
    public Optional<ReachableStation> reachable(UUID stationId) {
        Boolean unlisted = queries.unlistedFlag(stationId);
        if (unlisted == null) {
            return Optional.empty();
        }
        return queries.profile(stationId, StreamsQueries.LOCAL_REACHABLE).map(p -> new ReachableStation(p, unlisted));
    }

    /** The reachable station with this fediverse handle ({@link StationHandles}). */
    public Optional<UUID> stationIdByHandle(String handle) {
        return handle == null || !StationHandles.VALID.matcher(handle).matches() ? Optional.empty()
                : queries.stationIdByHandle(handle);
    }

    /** The station if its owner made it unlisted (and no moderator hid it), with its listed sessions when on air. */
    @Transactional
    public Optional<UnlistedStation> unlisted(UUID stationId) {
        return queries.profile(stationId, StreamsQueries.UNLISTED).map(p -> new UnlistedStation(p,
                queries.liveStations(List.of(stationId), StreamsQueries.UNLISTED).stream().findFirst().orElse(null)));
    }

    /** Every station with at least one listed live session. */
    public java.util.Set<UUID> listedStationIds() {
        return queries.listedStationIds();
    }

    public List<StationView> stationsOf(long ownerId) {
        return owners.of(ownerId, null, HISTORY_SECONDS);
    }

    /**
     * Hands every session that has not ended to {@code consumer}, from a server-side cursor (never all in memory);
     * joins the caller's transaction or opens one. The consumer must be quick: the transaction is open meanwhile.
     */
    @Transactional
    public void forEachLiveSession(Consumer<LiveSession> consumer) {
        queries.forEachLive(consumer);
    }

    /**
     * Ends these sessions if still live (a ban rule matched them): their owner sees {@code endReason}, the live feed
     * says {@code publicReason}, and they leave the catalog once the caller's transaction commits. Returns how many
     * ended.
     */
    @Transactional
    public int endSessions(java.util.Collection<UUID> sessionIds, String endReason, String publicReason) {
        if (sessionIds.isEmpty()) {
            return 0;
        }
        List<SessionStore.Ended> ended = sessions.endByIds(sessionIds, endReason);
        offline(ended, publicReason);
        return ended.size();
    }

    /** Cuts off every live session of the owner's stations (account suspension); joins the caller's transaction. */
    public int endSessionsOfOwner(long ownerId, String reason) {
        List<SessionStore.Ended> ended = sessions.endAllOfOwner(ownerId, reason);
        offline(ended, reason);
        return ended.size();
    }

    /**
     * Applies the owner's profile edit and returns the station as its owner now sees it. The catalog, yp.xml, the
     * playlists and the radio-browser API show the edit once this returns; hiding (or unhiding) a live station also
     * takes its streams off (or puts them back on) the live feed. Another account's station is "not found". The
     * fields whose values change are recorded in the profile history ({@link ProfileHistory}) in the same
     * transaction, with the station row locked; an edit that changes nothing writes nothing, and the unlisted choice
     * is not recorded.
     */
    @Transactional
    public StationView updateProfile(ProfileEditor owner, UUID stationId, ProfilePatch patch) {
        if (patch.values().get(ProfilePatch.Field.DISPLAY_NAME) instanceof String name) {
            nameRules.stream().map(r -> r.refusal(name)).flatMap(Optional::stream).findFirst().ifPresent(reason -> {
                throw ProblemException.badRequest("displayName", "is refused by this directory's moderators: "
                        + reason);
            });
        }
        ProfileEdits.Outcome outcome = edits.apply(stationId, owner.accountId(), patch.values(), owner,
                ProfileChange.OWNER_EDIT, null).orElseThrow(() -> ProblemException.notFound("you have no station " + stationId));
        if (outcome.change() != null) {
            profileChanged(outcome.change());
        }
        return owners.of(owner.accountId(), stationId, HISTORY_SECONDS).get(0);
    }

    /** A moderator hides the station from everybody but its owner; empty when there is no such station. */
    @Transactional
    public Optional<ModeratedStation> hideByModerator(UUID stationId, String reason) {
        Optional<ProfileStore.Change> change = profiles.hideByModerator(stationId, reason);
        change.ifPresent(this::profileChanged);
        return change.flatMap(c -> profiles.moderated(stationId));
    }

    /** Lifts a moderator's hide (the owner's own choice to make it unlisted stays); empty when there is no such station. */
    @Transactional
    public Optional<ModeratedStation> unhideByModerator(UUID stationId) {
        Optional<ProfileStore.Change> change = profiles.unhideByModerator(stationId);
        change.ifPresent(this::profileChanged);
        return change.flatMap(c -> profiles.moderated(stationId));
    }

    @Transactional
    public Optional<ModeratedStation> moderated(UUID stationId) {
        return profiles.moderated(stationId);
    }

    /** Stations hidden by moderators (latest first) or all stations (newest first), a page at a time. */
    @Transactional
    public ModeratedStations moderationList(boolean hiddenOnly, int limit, int offset) {
        ProfileStore.Page page = profiles.moderationPage(hiddenOnly, limit, offset);
        return new ModeratedStations(page.items(), page.total());
    }

    /** Shows a change of a station's profile or visibility in the catalog and the live feed once it commits. */
    void profileChanged(ProfileStore.Change change) {
        Instant now = Instant.now();
        if (change.becameHidden() || change.becameVisible()) {
            for (UUID session : profiles.listedSessions(change.stationId())) {
                publish(change.becameHidden() ? new StreamWentOffline(session, change.stationId(), HIDDEN, now)
                        : new StreamWentLive(session, change.stationId(), now));
            }
        }
        StationChanged changed = new StationChanged(change.stationId(), now);
        afterCommit.run(() -> {
            try {
                stationEvents.publishEvent(changed);
            } catch (RuntimeException e) {
                LOG.warn("A listener failed on {}", changed, e);
            }
        });
    }

    void offline(List<SessionStore.Ended> ended, String reason) {
        Instant now = Instant.now();
        for (SessionStore.Ended e : ended) {
            if (e.wasListed()) {
                publish(new StreamWentOffline(e.sessionId(), e.stationId(), reason, now));
            }
        }
    }

    /** Publishes once the change is visible: after the surrounding transaction commits, or now if there is none. */
    void publish(StreamEvent event) {
        afterCommit.run(() -> publishNow(event));
    }

    private void publishNow(StreamEvent event) {
        try {
            events.publishEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("A listener failed on {}", event, e);
        }
    }
}
