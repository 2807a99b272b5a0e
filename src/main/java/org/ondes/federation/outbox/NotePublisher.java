package org.ondes.federation.outbox;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.ondes.federation.Activities;
import org.ondes.streams.StationProfile;
import org.ondes.streams.StreamView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Posts a station's go-live Note to all its followers and edits it ({@code Update} with {@code updated}) when the
 * station goes off air. Each decision is taken under a per-station lock, so instances sharing the database post one
 * Note per go-live; the Note is stored and its activity queued in one transaction.
 */
@Singleton
class NotePublisher {
    private static final Logger LOG = LoggerFactory.getLogger(NotePublisher.class);
    private final NoteStore notes;
    private final Recipients recipients;
    private final StationActivities outgoing;
    private final PublishSettings settings;

    NotePublisher(NoteStore notes, Recipients recipients, StationActivities outgoing, PublishSettings settings) {
        this.notes = notes;
        this.recipients = recipients;
        this.outgoing = outgoing;
        this.settings = settings;
    }

    /** The station is on air, {@code busiest} being its session with the most listeners. */
    @Transactional
    void onAir(StationProfile station, StreamView busiest) {
        notes.lock(station.id());
        Instant now = Instant.now();
        Optional<NoteFacts> last = notes.last(station.id());
        switch (NoteRule.onAir(last, now, settings.noteMinInterval())) {
            case NOTHING -> {
            }
            case REOPEN -> {
                notes.reopen(last.get().id(), now);
                LOG.debug("Station {} is back on air within {}: its last Note is reopened", station.id(),
                        settings.noteMinInterval());
            }
            case POST -> post(station, busiest, now);
        }
    }

    /** The station is off air (or no longer public): its open Note says when it was live. */
    @Transactional
    void offAir(UUID stationId) {
        notes.lock(stationId);
        notes.end(stationId, Instant.now()).ifPresent(ended -> {
            send("Update", outgoing.links(), ended);
        });
    }

    private void post(StationProfile station, StreamView busiest, Instant now) {
        String createId = outgoing.newId();
        NoteFacts facts = new NoteFacts(UUID.randomUUID(), station.id(), createId,
                station.name() == null || station.name().isBlank() ? busiest.name() : station.name(),
                station.description(), station.genres(), station.logoUrl(), busiest.listenUrl(),
                busiest.currentSong(), now, null);
        notes.insert(facts);
        outgoing.queue(create(outgoing.links(), facts), station.id(), recipients.ofNotes(station.id()));
    }

    /** The Create of a stored Note (as first sent, or as the Note reads now), for deliveries and the outbox. */
    static Map<String, Object> create(Links links, NoteFacts facts) {
        Map<String, Object> create = new LinkedHashMap<>();
        create.put("@context", NoteDocuments.CONTEXT);
        create.put("id", facts.createId());
        create.put("type", "Create");
        create.put("actor", links.station(facts.stationId()));
        create.put("published", facts.publishedAt().toString());
        create.put("to", List.of(Activities.PUBLIC));
        create.put("cc", List.of(links.followers(facts.stationId())));
        create.put("object", NoteDocuments.note(links, facts));
        return create;
    }

    private void send(String type, Links links, NoteFacts facts) {
        outgoing.send(type, NoteDocuments.CONTEXT, facts.stationId(), NoteDocuments.note(links, facts),
                recipients.ofNotes(facts.stationId()));
    }
}
