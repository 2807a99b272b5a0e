package org.ondes.federation.outbox;

import org.junit.jupiter.api.Test;
import org.ondes.federation.actors.ActorDocuments;
import org.ondes.streams.StationProfile;
import org.ondes.streams.Streams;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which stations are published, when a go-live gets a new Note, and hashtags matching the actor's. */
class PublishRulesTest {
    static StationProfile profile(String handle) {
        return profile(handle, null);
    }

    static StationProfile profile(String handle, String origin) {
        return new StationProfile(UUID.randomUUID(), "Owl", null, null, List.of(), null, null, null, Instant.now(),
                Instant.now(), handle, origin, origin == null ? null : "https://" + origin + "/stations/x");
    }

    @Test
    void onlyPublicLocalStationsArePublished() {
        StationProfile local = profile("owl");
        assertEquals(Optional.of(local), Publishable.profile(Optional.of(new Streams.ReachableStation(local, false))));
        assertTrue(Publishable.profile(Optional.of(new Streams.ReachableStation(local, true))).isEmpty(),
                "unlisted by its owner");
        assertTrue(Publishable.profile(Optional.empty()).isEmpty(), "hidden by a moderator, or unknown");
        StationProfile mirrored = profile(null);
        assertTrue(Publishable.profile(Optional.of(new Streams.ReachableStation(mirrored, false))).isEmpty(),
                "a station mirrored from another instance has no handle and is never re-published");
        StationProfile remote = profile("owl", "a.example");
        assertTrue(Publishable.profile(Optional.of(new Streams.ReachableStation(remote, false))).isEmpty(),
                "a station with an origin is never re-published, whatever its handle");
    }

    static NoteFacts note(Instant published, Instant ended) {
        return new NoteFacts(UUID.randomUUID(), UUID.randomUUID(), "x", "Owl", null, List.of(), null, null, null,
                published, ended);
    }

    @Test
    void aGoLiveGetsOneNoteAndAFlappingStationNone() {
        Duration ten = Duration.ofMinutes(10);
        Instant t = Instant.parse("2026-11-21T20:00:00Z");
        assertEquals(NoteRule.Decision.POST, NoteRule.onAir(Optional.empty(), t, ten), "first time on air");
        assertEquals(NoteRule.Decision.NOTHING, NoteRule.onAir(Optional.of(note(t, null)), t.plusSeconds(5), ten),
                "a relay of a station already on air");
        assertEquals(NoteRule.Decision.REOPEN, NoteRule.onAir(Optional.of(note(t, t.plusSeconds(60))),
                t.plusSeconds(120), ten), "back within ten minutes");
        assertEquals(NoteRule.Decision.REOPEN, NoteRule.onAir(Optional.of(note(t, t.plus(Duration.ofHours(3)))),
                t.plus(Duration.ofHours(3)).plusSeconds(30), ten), "a short drop after a long show");
        assertEquals(NoteRule.Decision.POST, NoteRule.onAir(Optional.of(note(t, t.plusSeconds(60))),
                t.plus(Duration.ofMinutes(12)), ten), "a new show later");
        assertEquals(NoteRule.Decision.POST, NoteRule.onAir(Optional.of(note(t, t.plusSeconds(60))),
                t.plusSeconds(61), Duration.ZERO), "no minimum interval");
    }

    @Test
    void hashtagsAreTheWordsOfTheActorsTags() {
        for (String genre : List.of("jazz", "Lo-Fi", "drum & bass", "música", "!!", "80s")) {
            assertEquals(ActorDocuments.hashtagName(genre), Hashtags.word(genre), genre);
        }
        assertEquals(1, Hashtags.of(new Links("https://a.example"), List.of("Lo-Fi", "lofi")).size(),
                "one tag per word");
    }
}
