package org.ondes.catalog;

import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.ondes.web.ProblemException;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StreamQueryTest {
    private static StreamQuery parse(String query) {
        return StreamQuery.from(HttpRequest.GET("/api/v1/streams?" + query).getParameters());
    }

    private static String badParameter(String query) {
        ProblemException e = assertThrows(ProblemException.class, () -> parse(query));
        return e.errors().get(0).name();
    }

    @Test
    void defaultsAreListenersFirstAndFiftyRows() {
        StreamQuery q = parse("");
        assertEquals(StreamQuery.Order.LISTENERS, q.order());
        assertEquals(50, q.limit());
        assertEquals(List.of(), q.textWords());
    }

    @Test
    void textDefaultsToRelevanceAndBecomesWordsWithoutSyntax() {
        StreamQuery q = parse("q=Jazz%20%26%20Blues%7C%21");
        assertEquals(StreamQuery.Order.RELEVANCE, q.order());
        assertEquals(List.of("jazz", "blues"), q.textWords());
    }

    @Test
    void genresAndTagsCombineLowerCased() {
        assertEquals(List.of("rock", "live"), parse("genre=Rock&tag=LIVE").genres());
    }

    @Test
    void codecsAreMatchedToTheirCanonicalNames() {
        assertEquals("AAC+", parse("codec=aac%2B").codec());
        assertEquals("codec", badParameter("codec=wma"));
    }

    @Test
    void everyBadParameterIsNamed() {
        assertEquals("limit", badParameter("limit=0"));
        assertEquals("limit", badParameter("limit=-5"));
        assertEquals("order", badParameter("order=loud"));
        assertEquals("reverse", badParameter("reverse=2"));
        assertEquals("seed", badParameter("seed=abc"));
        assertEquals("cursor", badParameter("cursor=bm90LWEtY3Vyc29y"));
    }

    @Test
    void cursorsRoundTripAndAreTiedToTheirOrder() {
        UUID id = UUID.randomUUID();
        String c = new Cursor(StreamQuery.Order.NAME, false, null, "jazz; lounge", id).encode();
        Cursor back = Cursor.decode(c);
        assertEquals("jazz; lounge", back.key());
        assertEquals(id, back.id());
        assertEquals(StreamQuery.Order.NAME, parse("order=name&cursor=" + c).cursor().order());
        assertEquals("cursor", badParameter("order=listeners&cursor=" + c));
    }

    @Test
    void randomOrderAlwaysHasASeedSoPagesAreConsistent() {
        assertEquals("42", parse("order=random&seed=42").seed());
        assertEquals(true, parse("order=random").seed() != null);
    }
}
