package org.ondes.site;

import org.junit.jupiter.api.Test;
import org.ondes.catalog.StationDetail;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StationPagesTest {
    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    static final UUID ID = UUID.fromString("0b7e2f5c-3d7a-4c1e-9a55-2f0d8b1c6e21");

    @Test
    void onlyHttpWebSitesAreLinked() {
        assertEquals("https://radio.example.org/", StationPages.webLink(" https://radio.example.org/ "));
        assertEquals("http://radio.example.org/about", StationPages.webLink("http://radio.example.org/about"));
        assertNull(StationPages.webLink("javascript:alert(1)"));
        assertNull(StationPages.webLink("data:text/html,<script>alert(1)</script>"));
        assertNull(StationPages.webLink("//radio.example.org"));
        assertNull(StationPages.webLink("http://exa mple.org"));
        assertNull(StationPages.webLink(null));
    }

    @Test
    void theEmbedSnippetIsEscapedAndNamesTheStation() {
        assertEquals("<iframe src=\"https://o.example/stations/x/embed\" title=\"A &quot;B&quot; &lt;C&gt; on Ondes\""
                        + " width=\"100%\" height=\"128\" loading=\"lazy\"></iframe>",
                StationPages.snippet("https://o.example/stations/x/embed", "A \"B\" <C>"));
    }

    @Test
    void anOfflineStationHasAProfileButNoLiveCard() {
        StationDetail d = new StationDetail(ID, "Night Owl", null, "javascript:x", List.of("jazz"), null, null, null, false, null,
                List.of(new StationDetail.Song("A - B", NOW.minusSeconds(600))), List.of(), false, "@night_owl@o.example",
                "https://o.example/stations/" + ID, null, null);
        StationPage page = StationPages.page(d, NOW, path -> "https://o.example" + path);
        assertNull(page.live());
        assertNull(page.homepage());
        assertEquals("https://o.example/stations/" + ID, page.meta().url());
        assertEquals("Night Owl on Ondes, a directory of live Icecast radio streams.", page.meta().description());
        assertEquals("/?genre=jazz", page.genres().get(0).href());
        assertEquals("11:50 UTC", page.recentSongs().get(0).atText());
        assertEquals("https://o.example/stations/" + ID + "/embed", page.embedUrl());
        assertEquals("@night_owl@o.example", page.fediverseHandle(), "a local station is followed by its handle");
        assertNull(StationPages.page(d, NOW, path -> "https://o.example" + path, page.report(), false).fediverseHandle(),
                "no handle while federation is switched off");
        StationDetail remote = new StationDetail(ID, "Far Away", null, null, List.of(), null, null, null, false, null,
                List.of(), List.of(), false, null, null, "a.example", "https://a.example/stations/x");
        assertNull(StationPages.page(remote, NOW, path -> "https://o.example" + path).fediverseHandle(),
                "a station without a handle (from another instance) shows none");
        assertNull(page.meta().robots(), "a listed station's page may be indexed");
        assertEquals("/stations/" + ID + "/report", page.report().action());
        assertEquals(5, page.report().reasons().size());
    }

    @Test
    void anUnlistedStationsPageAsksSearchEnginesNotToIndexIt() {
        StationDetail d = new StationDetail(ID, "Night Owl", null, null, List.of(), null, null, null, false, null,
                List.of(), List.of(), true, "@night_owl@o.example", "https://o.example/stations/" + ID, null, null);
        StationPage page = StationPages.page(d, NOW, path -> "https://o.example" + path);
        assertEquals("noindex", page.meta().robots());
        assertTrue(page.unlisted());
    }
}
