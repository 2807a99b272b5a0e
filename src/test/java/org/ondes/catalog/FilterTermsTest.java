package org.ondes.catalog;

import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.ondes.streams.LiveStation;
import org.ondes.streams.StreamView;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FilterTermsTest {

    private static StreamQuery query(String query) {
        return StreamQuery.from(HttpRequest.GET("/api/v1/streams?" + query).getParameters());
    }

    @Test
    void aRowGetsOneTermPerGenreCodecContentTypeAndLanguage() {
        UUID id = UUID.randomUUID();
        Instant t = Instant.parse("2026-11-21T01:00:00Z");
        StreamView a = new StreamView(UUID.randomUUID(), id, "R", List.of("drum and bass", "it's"), null, null,
                "http://a.example.net/a", "audio/mpeg", "MP3", 128, null, null, null, 1, 10, t, t);
        StreamView b = new StreamView(UUID.randomUUID(), id, "R", List.of(), null, null,
                "http://a.example.net/b", "Application/Ogg", "Vorbis", 96, null, null, null, 1, 10, t, t);
        Projected p = Projected.of(new LiveStation(id, "R", null, null, List.of("drum and bass", "it's"), "pt-BR", null, null, List.of(a, b), null, null));
        assertEquals(List.of("~g drum and bass", "~g it's", "~c mp3", "~c vorbis", "~t audio/mpeg", "~t application/ogg",
                "~l pt-br"), FilterTerms.of(p.genres(), p.codecs(), p.contentTypes(), p.language()));
    }

    @Test
    void noLanguageNoTerm() {
        UUID id = UUID.randomUUID();
        Instant t = Instant.parse("2026-11-21T01:00:00Z");
        StreamView a = new StreamView(UUID.randomUUID(), id, "R", List.of(), null, null,
                "http://a.example.net/a", "audio/mpeg", null, null, null, null, null, 1, 10, t, t);
        Projected p = Projected.of(new LiveStation(id, "R", null, null, List.of(), " ", null, null, List.of(a), null, null));
        assertEquals(List.of("~t audio/mpeg"), FilterTerms.of(p.genres(), p.codecs(), p.contentTypes(), p.language()));
    }

    @Test
    void theQueryRequiresEveryFilterSpelledAsStored() {
        assertEquals(List.of("~g drum and bass", "~g it's \\ on:*", "~c vorbis", "~t audio/ogg", "~l en"),
                FilterTerms.query(query("genre=Drum%20and%20Bass&tag=it%27s%20%5C%20on%3A*&codec=vorbis&contentType=audio/ogg"
                        + "&language=en")));
        assertEquals(List.of(), FilterTerms.query(query("q=jazz&bitrateMin=64&https=true")),
                "text and ranges are not equality filters");
    }
}
