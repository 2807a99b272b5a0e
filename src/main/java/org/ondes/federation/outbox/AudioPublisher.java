package org.ondes.federation.outbox;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.ondes.streams.StationProfile;
import org.ondes.streams.StreamView;
import org.ondes.streams.Streams;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends live sessions to the Ondes catalogs that follow this instance or the station, as fed-wire says: {@code Create}
 * when a session is listed, {@code Update} when it changes (at most one per session per minimum interval, across
 * instances) and as a refresh, {@code Delete} when it ends or stops being public. Each change of the published state
 * and its activity are written in one transaction.
 */
@Singleton
class AudioPublisher {
    private final LiveStore live;
    private final Streams streams;
    private final Recipients recipients;
    private final StationActivities outgoing;
    private final PublishSettings settings;

    AudioPublisher(LiveStore live, Streams streams, Recipients recipients, StationActivities outgoing,
                   PublishSettings settings) {
        this.live = live;
        this.streams = streams;
        this.recipients = recipients;
        this.outgoing = outgoing;
        this.settings = settings;
    }

    /** The session of a public station is listed: Create, unless it is published already. */
    @Transactional
    void listed(StationProfile station, StreamView session) {
        Instant now = Instant.now();
        if (live.open(session.id(), station.id(), now)) {
            send("Create", station.id(), audio(station, session, now));
        }
    }

    /** The session ended or its station stopped being public: Delete, if it was published and not deleted yet. */
    @Transactional
    void ended(UUID sessionId) {
        live.end(sessionId, Instant.now()).ifPresent(p -> send("Delete", p.stationId(),
                outgoing.links().audio(sessionId)));
    }

    /** An Update of the session as it is now, if its turn has come; otherwise when to try again. */
    @Transactional
    LiveStore.Claim changed(UUID sessionId) {
        Instant now = Instant.now();
        LiveStore.Claim claim = live.claimUpdate(sessionId, settings.liveUpdateMinInterval(), now);
        if (claim instanceof LiveStore.Claim.Granted granted) {
            Optional<StationProfile> station = Publishable.profile(streams.reachable(granted.stationId()));
            Optional<StreamView> session = streams.listedOfStation(granted.stationId()).stream()
                    .filter(s -> s.id().equals(sessionId)).findFirst();
            if (station.isEmpty() || session.isEmpty()) {
                return new LiveStore.Claim.Closed(); // its end is on the way (offline event or the next refresh)
            }
            send("Update", station.get().id(), audio(station.get(), session.get(), now));
        }
        return claim;
    }

    /**
     * The periodic refresh of a live session: an Update, if it is published and not ended meanwhile. A session listed
     * for longer than {@code missedAfter} that was never published (its go-live was lost, e.g. in a restart) is
     * published by this Update: receivers take an Update of an unknown Audio as a Create.
     */
    @Transactional
    boolean refresh(StationProfile station, StreamView session, Duration missedAfter) {
        Instant now = Instant.now();
        boolean due = live.refresh(session.id(), now) || (session.liveSince().isBefore(now.minus(missedAfter))
                && live.openMissed(session.id(), station.id(), now));
        if (due) {
            send("Update", station.id(), audio(station, session, now));
        }
        return due;
    }

    private Map<String, Object> audio(StationProfile station, StreamView session, Instant now) {
        return AudioDocuments.audio(outgoing.links(), station, session, now, settings.liveRefresh().toSeconds());
    }

    private void send(String type, UUID stationId, Object object) {
        outgoing.send(type, AudioDocuments.CONTEXT, stationId, object, recipients.ofAudio(stationId));
    }
}
