package org.ondes.site.moderation;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StationRefTest {
    static final UUID ID = UUID.fromString("3f2a9c1e-7b4d-4e8a-9c0f-1a2b3c4d5e6f");

    @Test
    void anIdOrTheAddressOfAnyOfTheStationsPagesNamesIt() {
        for (String typed : new String[]{ID.toString(), "  " + ID.toString().toUpperCase() + " ",
                "https://ondes.example.org/stations/" + ID, "https://ondes.example.org/stations/" + ID + "/embed",
                "http://127.0.0.1:8080/stations/" + ID + "/listen.m3u", "/stations/" + ID + "?x=1#top", "stations/" + ID}) {
            assertEquals(Optional.of(ID), StationRef.parse(typed), typed);
        }
    }

    @Test
    void anythingElseNamesNoStation() {
        for (String typed : new String[]{null, "", "Pirate Radio", ID + "x", "https://ondes.example.org/users/" + ID,
                "https://ondes.example.org/notstations/" + ID, ID.toString().substring(1)}) {
            assertEquals(Optional.empty(), StationRef.parse(typed), typed);
        }
    }
}
