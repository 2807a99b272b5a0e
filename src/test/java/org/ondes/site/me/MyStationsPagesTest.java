package org.ondes.site.me;

import org.junit.jupiter.api.Test;
import org.ondes.site.PageMeta;
import org.ondes.streams.StationView;
import org.ondes.web.ProblemException;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MyStationsPagesTest {
    static final PageMeta META = PageMeta.of("My stations · Ondes", "", "http://x/me", "website");

    @Test
    void aRefusedFieldIsNamedInWordsAndTiedToItsField() {
        StationView s = Views.station(false, null, Views.session("listed", null, null));
        ProblemException refusal = ProblemException.badRequest("country", "must be an ISO 3166-1 alpha-2 country code such as DE or BR");
        MyStationsPage page = MyStationsPages.build(META, List.of(s), null,
                new MyStationsPages.Refused(s.id(), ProfileForm.posted(Map.of("country", "Narnia")), refusal), null);
        MyStationsPage.Station station = page.stations().get(0);
        assertTrue(station.open(), "the form is unfolded to show the error");
        assertEquals("Country must be an ISO 3166-1 alpha-2 country code such as DE or BR.", station.formError());
        MyStationsPage.Field country = station.fields().stream().filter(f -> f.name().equals("country")).findFirst().orElseThrow();
        assertEquals("Narnia", country.value());
        assertEquals("true", country.invalid());
        assertEquals(country.hintId() + " " + country.errorId(), country.describedBy());
        assertFalse(station.saved());
        MyStationsPage.Field name = station.fields().get(0);
        assertNull(name.invalid());
        assertEquals(name.hintId(), name.describedBy());
    }

    @Test
    void hintsQuoteWhatIcecastAnnouncesAndHiddenStationsHaveNoPublicLink() {
        StationView hidden = Views.station(false, new StationView.ModeratorHide("spam", Views.T));
        MyStationsPage.Station station = MyStationsPages.station(hidden, false, null);
        assertNull(station.publicHref());
        assertEquals("Hidden by a moderator: spam", station.hiddenNote());
        assertEquals("Empty: the name Icecast announces, “Jazz Corner”.", station.fields().get(0).hint());
        assertTrue(station.fields().stream().filter(f -> f.name().equals("language")).findFirst().orElseThrow()
                .hint().endsWith("Icecast announces none."));
        MyStationsPage.Station visible = MyStationsPages.station(Views.station(false, null), true, null);
        assertEquals("/stations/" + visible.id(), visible.publicHref());
        assertTrue(visible.saved());
        MyStationsPage.Station unlisted = MyStationsPages.station(Views.station(true, null), false, null);
        assertEquals("/stations/" + unlisted.id(), unlisted.publicHref(), "its link is what an unlisted station is for");
        assertEquals("Unlisted by you: only its link leads to it.", unlisted.hiddenNote());
    }

    @Test
    void sessionsCarryWhatThePagesScriptComparesWithTheApi() {
        MyStationsPage.SessionLine line = MyStationsPages.session(Views.station(false, null),
                Views.session("ended", null, "expired"));
        assertEquals("expired", line.state());
        assertEquals("ended", line.rawState());
        assertEquals("expired", line.rawReason());
        assertEquals(Views.T.toString(), line.lastRequestIso());
        assertEquals("2026-11-21 10:15 UTC", line.lastRequestText());
        assertEquals("http://radio.example.net:8000/live.ogg", line.listenHref());
        assertEquals("Vorbis · 96 kbit/s", line.format());
    }
}
