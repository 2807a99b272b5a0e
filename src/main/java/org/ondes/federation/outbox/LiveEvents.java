package org.ondes.federation.outbox;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.ondes.federation.FederationSettings;
import org.ondes.streams.StationProfile;
import org.ondes.streams.StreamView;
import org.ondes.streams.Streams;
import org.ondes.streams.events.StationChanged;
import org.ondes.streams.events.StreamChanged;
import org.ondes.streams.events.StreamEvent;
import org.ondes.streams.events.StreamWentLive;
import org.ondes.streams.events.StreamWentOffline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Turns stream events into publishing. The listeners run on the threads that publish the events (YP requests, the
 * touch batcher), so they only hand work to this class's own thread: go-live, go-offline and station changes are
 * queued in order, and now-playing changes (thousands a second) only mark their session in a map, which that thread
 * drains once a second into rate-limited Updates. A change of the listener count alone is sent at most
 * {@code ondes.federation.listeners-update-delay} later (with an earlier Update if a song change comes first).
 */
@Singleton
class LiveEvents {
    private static final Logger LOG = LoggerFactory.getLogger(LiveEvents.class);
    /** Sessions looked up per query in a pass of changes. */
    static final int PASS = 1_000;
    private final Streams streams;
    private final AudioPublisher audio;
    private final NotePublisher notes;
    private final LiveStore live;
    private final boolean enabled;
    private final Duration listenersDelay;
    private final Duration minInterval;
    /** Sessions whose Audio changed, and when their Update may next be tried. */
    private final Map<UUID, Instant> changed = new ConcurrentHashMap<>();
    private final ScheduledExecutorService worker;

    LiveEvents(Streams streams, AudioPublisher audio, NotePublisher notes, LiveStore live, FederationSettings settings,
               PublishSettings publishing) {
        this.listenersDelay = publishing.listenersUpdateDelay();
        this.minInterval = publishing.liveUpdateMinInterval();
        this.streams = streams;
        this.audio = audio;
        this.notes = notes;
        this.live = live;
        this.enabled = settings.enabled();
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "federation-publish");
            t.setDaemon(true);
            return t;
        });
        if (enabled) {
            worker.scheduleWithFixedDelay(() -> guarded("Live updates", this::flushChanges), 1, 1, TimeUnit.SECONDS);
        }
    }

    /** Stream events are published as {@link StreamEvent}s (the catalog listens the same way). */
    @EventListener
    void on(StreamEvent event) {
        if (event instanceof StreamChanged changedEvent) {
            if (enabled && changedEvent.songChanged()) {
                changed.merge(event.sessionId(), Instant.EPOCH, (a, b) -> a.isBefore(b) ? a : b);
            } else if (enabled) {
                // listener counts move with nearly every touch: they wait, and go with whatever Update comes first
                changed.putIfAbsent(event.sessionId(), Instant.now().plus(listenersDelay));
            }
        } else if (event instanceof StreamWentLive) {
            submit("Go-live of " + event.sessionId(), () -> wentLive(event.sessionId(), event.stationId()));
        } else if (event instanceof StreamWentOffline) {
            submit("End of " + event.sessionId(), () -> wentOffline(event.sessionId(), event.stationId()));
        }
    }

    @EventListener
    void on(StationChanged event) {
        submit("Change of station " + event.stationId(), () -> stationChanged(event.stationId()));
    }

    @PreDestroy
    void close() {
        worker.shutdownNow();
    }

    private void wentLive(UUID sessionId, UUID stationId) {
        Optional<StationProfile> station = publishable(stationId);
        if (station.isEmpty()) {
            return;
        }
        List<StreamView> listed = streams.listedOfStation(stationId);
        listed.stream().filter(s -> s.id().equals(sessionId)).findFirst().ifPresent(s -> audio.listed(station.get(), s));
        if (!listed.isEmpty()) {
            notes.onAir(station.get(), listed.get(0));
        }
    }

    private void wentOffline(UUID sessionId, UUID stationId) {
        changed.remove(sessionId);
        audio.ended(sessionId);
        if (publishable(stationId).isEmpty() || streams.listedOfStation(stationId).isEmpty()) {
            notes.offAir(stationId);
        }
    }

    /** A profile edit, a hide or an unlisting: published sessions follow the station's new state. */
    private void stationChanged(UUID stationId) {
        Optional<StationProfile> station = publishable(stationId);
        if (station.isEmpty()) {
            for (UUID session : live.openOfStation(stationId)) {
                changed.remove(session);
                audio.ended(session);
            }
            notes.offAir(stationId);
            return;
        }
        for (UUID session : live.openOfStation(stationId)) {
            changed.putIfAbsent(session, Instant.EPOCH);
        }
        List<StreamView> listed = streams.listedOfStation(stationId);
        listed.forEach(s -> audio.listed(station.get(), s)); // sessions not yet published: made public again
        if (!listed.isEmpty()) {
            notes.onAir(station.get(), listed.get(0));
        }
    }

    /**
     * Sends the due Updates; a session still within its minimum interval waits for its turn (the last state wins).
     * Which changed sessions are published at all, and when each was last sent, is read in one query per
     * {@link #PASS} sessions; only those whose turn has come go on to the claim and the Update.
     */
    void flushChanges() {
        Instant now = Instant.now();
        List<UUID> due = new ArrayList<>();
        for (Map.Entry<UUID, Instant> e : changed.entrySet()) {
            if (!e.getValue().isAfter(now) && changed.remove(e.getKey(), e.getValue())) {
                due.add(e.getKey());
            }
        }
        for (int from = 0; from < due.size(); from += PASS) {
            List<UUID> slice = due.subList(from, Math.min(due.size(), from + PASS));
            Map<UUID, Instant> lastSent = live.lastSentOfOpen(slice);
            for (UUID session : slice) {
                Instant sent = lastSent.get(session);
                if (sent == null) {
                    continue; // never published (nobody follows its station yet) or ended: no Update to send
                }
                LiveStore.Claim claim = sent.plus(minInterval).isAfter(now)
                        ? new LiveStore.Claim.TooSoon(sent.plus(minInterval)) : audio.changed(session);
                if (claim instanceof LiveStore.Claim.TooSoon wait) {
                    changed.merge(session, wait.notBefore(), (a, b) -> a.isAfter(b) ? a : b);
                }
            }
        }
    }

    private Optional<StationProfile> publishable(UUID stationId) {
        return Publishable.profile(streams.reachable(stationId));
    }

    private void submit(String what, Runnable work) {
        if (enabled) {
            worker.execute(() -> guarded(what, work));
        }
    }

    private static void guarded(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.warn("{} not published: {}", what, e.toString());
        }
    }
}
