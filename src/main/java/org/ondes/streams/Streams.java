package org.ondes.streams;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import org.ondes.streams.events.StreamEvent;
import org.ondes.streams.events.StreamWentOffline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
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

    private final SessionStore sessions;
    private final StreamsQueries queries;
    private final TouchBatcher touches;
    private final ListenUrlVerificationJob verification;
    private final ApplicationEventPublisher<StreamEvent> events;
    private final TransactionOperations<?> transactions;

    Streams(SessionStore sessions, StreamsQueries queries, TouchBatcher touches, ListenUrlVerificationJob verification,
            ApplicationEventPublisher<StreamEvent> events, TransactionOperations<?> transactions) {
        this.sessions = sessions;
        this.queries = queries;
        this.touches = touches;
        this.verification = verification;
        this.events = events;
        this.transactions = transactions;
    }

    /** A new session id: upper-case UUID, only [A-F0-9-], safe to travel unescaped in Icecast's touch bodies. */
    public static String newSid() {
        return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }

    /** SIDs are compared case-insensitively (Icecast sends them back verbatim, other clients may not). */
    public static String normaliseSid(String sid) {
        return sid == null ? null : sid.trim().toUpperCase(Locale.ROOT);
    }

    /** Stores the session as pending and schedules its listen-URL check; a live session for the same URL is replaced. */
    public Added add(Announcement announcement, String sid, String message) {
        SessionStore.Added added = sessions.add(announcement, sid, message);
        offline(added.replaced(), "replaced");
        verification.wakeUp();
        return new Added(added.sessionId(), added.stationId(), sid);
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

    /** Every station with at least one listed live session. */
    public java.util.Set<UUID> listedStationIds() {
        return queries.listedStationIds();
    }

    public List<StationView> stationsOf(long ownerId) {
        return queries.stationsOf(ownerId, HISTORY_SECONDS);
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
        transactions.findTransactionStatus().ifPresentOrElse(
                status -> status.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        publishNow(event);
                    }
                }),
                () -> publishNow(event));
    }

    private void publishNow(StreamEvent event) {
        try {
            events.publishEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("A listener failed on {}", event, e);
        }
    }
}
