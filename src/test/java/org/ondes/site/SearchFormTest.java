package org.ondes.site;

import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchFormTest {
    private static SearchForm parse(String query) {
        return SearchForm.from(HttpRequest.GET("/?" + query).getParameters());
    }

    @Test
    void keepsWhatWasTypedAndCarriesItIntoLinks() {
        SearchForm f = parse("q=late+night&genre=Jazz&genre=dub&codec=MP3&bitrateMin=128&order=name&limit=3");
        assertEquals("late night", f.q());
        assertEquals(List.of("jazz", "dub"), f.genres());
        assertTrue(f.filtered());
        assertEquals("/?q=late+night&genre=jazz&genre=dub&codec=MP3&bitrateMin=128&order=name", f.href(null));
        assertEquals("/?q=late+night&genre=jazz&genre=dub&codec=MP3&bitrateMin=128&order=name&cursor=abc%3D", f.href("abc="));
    }

    @Test
    void aGenreChipAddsItsGenreOrRemovesItWhenSelected() {
        SearchForm f = parse("genre=jazz");
        assertTrue(f.hasGenre("jazz"));
        assertEquals("/", f.toggleGenre("jazz"));
        assertEquals("/?genre=jazz&genre=dub", f.toggleGenre("dub"));
    }

    @Test
    void escapesValuesInLinks() {
        assertEquals("/?q=%3Cb%3E+%26+%22x%22", parse("q=%3Cb%3E%20%26%20%22x%22").href(null));
    }

    @Test
    void anEmptySearchIsNotFiltered() {
        SearchForm f = parse("order=name&q=+");
        assertFalse(f.filtered());
        assertEquals("/?order=name", f.href(null));
    }
}
