package org.ondes.federation.outbox;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.ondes.config.Jobs;
import org.ondes.federation.FederationSettings;
import org.ondes.streams.StationProfile;
import org.ondes.streams.StreamView;
import org.ondes.streams.Streams;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Every {@code ondes.federation.live-refresh}, one instance (whichever claims the cycle first) sends an Update of
 * every published live session, so receivers can expire entries whose end they never heard of. The same pass makes
 * up for lost events: a public session listed for a minute but never published gets its Update (taken as a Create), a published one no
 * longer live gets its Delete, an open Note of a station off air is ended. Ended sessions' tombstones are forgotten
 * after 30 days.
 */
@Singleton
class LiveRefreshJob {
    static final String JOB = "live-refresh";
    static final Duration TOMBSTONES_KEPT = Duration.ofDays(30);
    /** A session listed this long without being published lost its go-live event (events take milliseconds). */
    static final Duration MISSED_AFTER = Duration.ofMinutes(1);
    private final LiveStore live;
    private final NoteStore noteStore;
    private final AudioPublisher audio;
    private final NotePublisher notes;
    private final Streams streams;
    private final PublishSettings settings;
    private final Jobs jobs;
    private final boolean enabled;

    LiveRefreshJob(LiveStore live, NoteStore noteStore, AudioPublisher audio, NotePublisher notes, Streams streams,
                   PublishSettings settings, Jobs jobs, FederationSettings federation) {
        this.live = live;
        this.noteStore = noteStore;
        this.audio = audio;
        this.notes = notes;
        this.streams = streams;
        this.settings = settings;
        this.jobs = jobs;
        this.enabled = federation.enabled();
    }

    /** Cheap when it is not this instance's turn: one UPDATE that matches no row. */
    @Scheduled(fixedDelay = "2s", initialDelay = "5s")
    void tick() {
        if (enabled) {
            jobs.pass("Live refresh pass", this::runOnce);
        }
    }

    /** One pass if the cycle is due and this caller claims it; returns how many sessions were refreshed, or -1. */
    int runOnce() {
        Instant start = Instant.now();
        if (!live.claimCycle(JOB, settings.liveRefresh(), start)) {
            return -1;
        }
        List<StreamView> listed = new ArrayList<>();
        streams.forEachListed(listed::add); // collected first: the cursor's transaction must not wait on deliveries
        Map<UUID, Optional<StationProfile>> stations = new HashMap<>();
        Set<UUID> liveSessions = new HashSet<>();
        Set<UUID> liveStations = new HashSet<>();
        int refreshed = 0;
        for (StreamView session : listed) {
            Optional<StationProfile> station = stations.computeIfAbsent(session.stationId(),
                    id -> Publishable.profile(streams.reachable(id)));
            if (station.isPresent()) {
                liveSessions.add(session.id());
                liveStations.add(session.stationId());
                if (audio.refresh(station.get(), session, MISSED_AFTER)) {
                    refreshed++;
                }
            }
        }
        for (LiveStore.Published stale : live.openSentBefore(start)) {
            if (!liveSessions.contains(stale.sessionId())) {
                audio.ended(stale.sessionId());
            }
        }
        for (UUID station : noteStore.openStations(start)) {
            if (!liveStations.contains(station)) {
                notes.offAir(station);
            }
        }
        live.prune(TOMBSTONES_KEPT, start);
        return refreshed;
    }
}
