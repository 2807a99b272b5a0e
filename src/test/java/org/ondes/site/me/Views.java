package org.ondes.site.me;

import org.ondes.streams.StationView;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Owner views of stations and sessions for the unit tests of the stations page. */
final class Views {
    static final Instant T = Instant.parse("2026-11-21T10:15:30Z");

    private Views() {
    }

    static StationView.Session session(String state, String stateReason, String endReason) {
        return new StationView.Session(UUID.fromString("00000000-0000-0000-0000-0000000000a1"), state, stateReason, endReason,
                "http://radio.example.net:8000/live.ogg", 1, "application/ogg", "Vorbis", 96, 44100, 2, "Artist - Title", 4, 100,
                T, null, T, T, "Updated server info.", "ended".equals(state) ? T : null, null);
    }

    static StationView station(boolean hiddenByOwner, StationView.ModeratorHide moderated, StationView.Session... sessions) {
        StationView.Announced announced = new StationView.Announced("Jazz Corner", "Late jazz", "http://jazz.example.net/",
                List.of("jazz", "blues"), null);
        StationView.Overrides overrides = new StationView.Overrides("Night Jazz", null, null, List.of("jazz", "soul"), "fr", "BE", null);
        return new StationView(UUID.fromString("00000000-0000-0000-0000-0000000000b2"), "Night Jazz", "Late jazz",
                "http://jazz.example.net/", List.of("jazz", "soul"), "fr", "BE", null, announced, overrides, hiddenByOwner,
                moderated, null, T, T, T, "Updated server info.", List.of(sessions));
    }
}
