package org.ondes.catalog.radiobrowser;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.ondes.catalog.CatalogEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RbStationsTest {
    static final UUID ID = UUID.fromString("9b2c1f0e-5a3d-4c8e-b7a1-2f6d8e4c0a19");
    static final Instant LIVE = Instant.parse("2026-11-21T10:15:30.123456Z");

    static CatalogEntry entry(String name, String codec, Integer bitrate, String homepage, String language, String country) {
        CatalogEntry.Session s = new CatalogEntry.Session(UUID.randomUUID(), "https://radio.example.net/live.mp3",
                "audio/mpeg", codec, bitrate, 44100, 2, "Artist - Title", 12, 100, LIVE);
        CatalogEntry.Session relay = new CatalogEntry.Session(UUID.randomUUID(), "https://relay.example.net/live.mp3",
                "audio/mpeg", codec, bitrate, 44100, 2, "Artist - Title", 3, 100, LIVE);
        return new CatalogEntry(ID, name, List.of("jazz", "hip hop"), "About", homepage, s.listenUrl(),
                List.of(s.listenUrl(), relay.listenUrl()), "audio/mpeg", codec, codec == null ? List.of() : List.of(codec),
                bitrate, 44100, 2, "Artist - Title", 15, 200, true, language, country,
                "https://radio.example.net/logo.png", LIVE, List.of(s, relay), null, null);
    }

    @Test
    void anEntryBecomesAWorkingRadioBrowserStation() {
        RbStation st = RbStations.of(entry("Jazz Lounge", "MP3", 128, "https://jazz.example.net/", "en", "FR"),
                new RbStations.Clicks(3, Instant.parse("2026-11-21T12:00:01.9Z")));
        assertEquals(ID.toString(), st.stationuuid());
        assertNull(st.serveruuid());
        assertEquals("Jazz Lounge", st.name());
        assertEquals("https://radio.example.net/live.mp3", st.url(), "the primary listen URL");
        assertEquals(st.url(), st.urlResolved());
        assertEquals("https://jazz.example.net/", st.homepage());
        assertEquals("https://radio.example.net/logo.png", st.favicon(), "the owner's logo URL");
        assertEquals("jazz,hip hop", st.tags());
        assertEquals("", st.country());
        assertEquals("FR", st.countrycode());
        assertNull(st.iso31662());
        assertEquals("", st.state());
        assertEquals("", st.language());
        assertEquals("en", st.languagecodes());
        assertEquals(0, st.votes());
        assertEquals("MP3", st.codec());
        assertEquals(128, st.bitrate());
        assertEquals(0, st.hls());
        assertEquals(1, st.lastcheckok());
        assertEquals(0, st.sslError());
        assertEquals(3, st.clickcount());
        assertEquals(0, st.clicktrend());
        assertNull(st.geoLat());
        assertNull(st.geoLong());
        assertNull(st.geoDistance());
        assertEquals(false, st.hasExtendedInfo());
    }

    @Test
    void timesUseRadioBrowsersTwoFormatsInUtcToTheSecond() {
        RbStation st = RbStations.of(entry("X", "MP3", 128, null, null, null),
                new RbStations.Clicks(1, Instant.parse("2026-11-21T23:59:59.999Z")));
        for (String t : List.of(st.lastchangetime(), st.lastchecktime(), st.lastcheckoktime(), st.lastlocalchecktime())) {
            assertEquals("2026-11-21 10:15:30", t);
        }
        for (String t : List.of(st.lastchangetimeIso8601(), st.lastchecktimeIso8601(), st.lastcheckoktimeIso8601(),
                st.lastlocalchecktimeIso8601())) {
            assertEquals("2026-11-21T10:15:30Z", t);
        }
        assertEquals("2026-11-21 23:59:59", st.clicktimestamp());
        assertEquals("2026-11-21T23:59:59Z", st.clicktimestampIso8601());
    }

    @Test
    void missingValuesGetRadioBrowsersEmptyValues() {
        RbStation st = RbStations.of(entry("X", null, null, null, null, null), RbStations.Clicks.NONE);
        assertEquals("UNKNOWN", st.codec());
        assertEquals(0, st.bitrate());
        assertEquals("", st.homepage());
        assertEquals("", st.countrycode());
        assertEquals("", st.languagecodes());
        assertEquals(0, st.clickcount());
        assertEquals("", st.clicktimestamp());
        assertNull(st.clicktimestampIso8601());
    }

    @Test
    void changeUuidIsStableAndFollowsWhatTheStationShows() {
        CatalogEntry a = entry("Jazz Lounge", "MP3", 128, null, null, null);
        assertEquals(RbStations.changeUuid(a), RbStations.changeUuid(entry("Jazz Lounge", "MP3", 128, null, null, null)));
        assertNotEquals(RbStations.changeUuid(a), RbStations.changeUuid(entry("Jazz Lounge 2", "MP3", 128, null, null, null)));
        assertNotEquals(RbStations.changeUuid(a), RbStations.changeUuid(entry("Jazz Lounge", "MP3", 192, null, null, null)));
    }

    @Test
    void jsonHasRadioBrowsersFieldNamesInItsOrder() throws Exception {
        JsonMapper json = JsonMapper.createDefault();
        String text = new String(json.writeValueAsBytes(RbStations.of(entry("X", "MP3", 128, null, null, null),
                RbStations.Clicks.NONE)));
        Map<String, Object> map = json.readValue(text, Argument.mapOf(String.class, Object.class));
        assertEquals(List.of("changeuuid", "stationuuid", "serveruuid", "name", "url", "url_resolved", "homepage",
                "favicon", "tags", "country", "countrycode", "iso_3166_2", "state", "language", "languagecodes", "votes",
                "lastchangetime", "lastchangetime_iso8601", "codec", "bitrate", "hls", "lastcheckok", "lastchecktime",
                "lastchecktime_iso8601", "lastcheckoktime", "lastcheckoktime_iso8601", "lastlocalchecktime",
                "lastlocalchecktime_iso8601", "clicktimestamp", "clicktimestamp_iso8601", "clickcount", "clicktrend",
                "ssl_error", "geo_lat", "geo_long", "geo_distance", "has_extended_info"), new ArrayList<>(map.keySet()));
        assertEquals(128, map.get("bitrate"));
        assertNull(map.get("geo_lat"));
    }
}
