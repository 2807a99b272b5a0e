package org.ondes.federation.outbox;

import jakarta.inject.Singleton;
import org.ondes.config.PublicUrls;
import org.ondes.streams.StationProfile;
import org.ondes.streams.StreamView;
import org.ondes.streams.Streams;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads published Notes and live sessions back by id, as they are now. */
@Singleton
class PublishedObjects {
    /** A published session: its Audio while {@code live}, else its Tombstone. */
    record Audio(UUID stationId, boolean live, Map<String, Object> document) {
    }

    record Note(UUID stationId, Map<String, Object> document) {
    }

    private final LiveStore live;
    private final NoteStore notes;
    private final Streams streams;
    private final PublicUrls urls;
    private final PublishSettings settings;

    PublishedObjects(LiveStore live, NoteStore notes, Streams streams, PublicUrls urls, PublishSettings settings) {
        this.live = live;
        this.notes = notes;
        this.streams = streams;
        this.urls = urls;
        this.settings = settings;
    }

    /** Empty when the session was never published (or its tombstone was pruned). */
    Optional<Audio> audio(UUID sessionId) {
        Links links = new Links(urls.base());
        return live.byId(sessionId).map(p -> {
            Instant now = Instant.now();
            if (p.endedAt() == null) {
                Optional<StationProfile> station = Publishable.profile(streams.reachable(p.stationId()));
                Optional<StreamView> session = station.isEmpty() ? Optional.empty()
                        : streams.listedOfStation(p.stationId()).stream().filter(s -> s.id().equals(sessionId)).findFirst();
                if (session.isPresent()) {
                    return new Audio(p.stationId(), true, AudioDocuments.audio(links, station.get(), session.get(), now,
                            settings.liveRefresh().toSeconds()));
                }
            }
            return new Audio(p.stationId(), false, AudioDocuments.tombstone(links, sessionId,
                    p.endedAt() == null ? now : p.endedAt()));
        });
    }

    /** Empty when there is no such Note, or its station is hidden by a moderator. */
    Optional<Note> note(UUID noteId) {
        return notes.byId(noteId).filter(n -> streams.reachable(n.stationId()).isPresent())
                .map(n -> new Note(n.stationId(), NoteDocuments.document(new Links(urls.base()), n)));
    }
}
