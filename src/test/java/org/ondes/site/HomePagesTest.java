package org.ondes.site;

import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.ondes.catalog.CatalogEntry;
import org.ondes.catalog.CatalogFacet;
import org.ondes.catalog.CatalogPage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HomePagesTest {
    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    static final UUID ID = UUID.fromString("0b7e2f5c-3d7a-4c1e-9a55-2f0d8b1c6e21");

    private static SearchForm form(String query) {
        return SearchForm.from(HttpRequest.GET("/?" + query).getParameters());
    }

    private static CatalogEntry entry() {
        UUID session = UUID.fromString("11111111-2222-3333-4444-555555555555");
        return new CatalogEntry(ID, "Jazz FM", List.of("jazz"), null, null, "http://r.example/a.ogg",
                List.of("http://r.example/a.ogg"), "application/ogg", "Vorbis", List.of("Vorbis"), 96, 44100, 2,
                "A - B", 3, null, false, null, null, null, NOW.minusSeconds(3600),
                List.of(new CatalogEntry.Session(session, "http://r.example/a.ogg", "application/ogg", "Vorbis", 96,
                        44100, 2, "A - B", 3, null, NOW.minusSeconds(3600))), null, null);
    }

    @Test
    void cardsCarryFormattedFactsAndWhatThePlayerNeeds() {
        HomePage page = HomePages.build(form(""), new CatalogPage(List.of(entry()), 1, "cur"), null, List.of(), NOW,
                "https://o.example/");
        StationCard card = page.cards().get(0);
        assertEquals("/stations/" + ID, card.href());
        assertEquals("Vorbis · 96 kbit/s", card.format());
        assertEquals("3 listeners", card.listenersText());
        assertEquals("live for 1 h 00 min", card.liveForText());
        assertEquals("audio/ogg; codecs=\"vorbis\"", card.sources().get(0).probeType());
        assertEquals("/stations/" + ID + "/listen.pls", card.pls());
        assertEquals("1 station live", page.heading());
        assertEquals("/?cursor=cur", page.nextHref());
        assertEquals("Live now · Ondes", page.meta().title());
    }

    @Test
    void genreChipsPutSelectedGenresFirstAndToggleThem() {
        List<StationCard.Chip> chips = HomePages.genreChips(form("genre=dub"),
                List.of(new CatalogFacet("jazz", 5), new CatalogFacet("dub", 2)));
        assertEquals(List.of("dub", "jazz"), chips.stream().map(StationCard.Chip::name).toList());
        assertTrue(chips.get(0).active());
        assertEquals("/", chips.get(0).href());
        assertEquals("/?genre=dub&genre=jazz", chips.get(1).href());
    }

    @Test
    void bestMatchIsOfferedOnlyForATextSearchAndIsItsDefault() {
        assertTrue(HomePages.orders(form("")).stream().noneMatch(o -> o.value().equals("relevance")));
        HomePage.Option first = HomePages.orders(form("q=jazz")).get(0);
        assertEquals("relevance", first.value());
        assertTrue(first.selected());
    }

    @Test
    void aRefusedSearchIsExplainedAndShowsNoResults() {
        HomePage page = HomePages.build(form("bitrateMin=x"), null, "bitrateMin: must be a whole number", List.of(), NOW, "u");
        assertEquals("Search not understood", page.heading());
        assertEquals("bitrateMin: must be a whole number", page.error());
        assertTrue(page.cards().isEmpty());
        assertNull(page.nextHref());
    }
}
