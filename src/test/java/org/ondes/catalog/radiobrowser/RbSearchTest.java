package org.ondes.catalog.radiobrowser;

import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.ondes.catalog.StreamQuery;
import org.ondes.catalog.StreamQuery.Order;
import org.ondes.web.ProblemException;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RbSearchTest {
    private static Optional<StreamQuery> parse(String query) {
        return RbSearch.query(RbParameters.of(HttpRequest.GET("/json/stations/search?" + query).getParameters(), null, null));
    }

    private static StreamQuery query(String query) {
        return parse(query).orElseThrow(() -> new AssertionError(query + " matched nothing"));
    }

    private static String badParameter(String query) {
        ProblemException e = assertThrows(ProblemException.class, () -> parse(query));
        return e.errors().get(0).name();
    }

    @Test
    void defaultsAreRadioBrowsersWithTheLimitCappedAt500() {
        StreamQuery q = query("");
        assertEquals(Order.NAME, q.order());
        assertFalse(q.reverse());
        assertEquals(500, q.limit());
        assertEquals(0, q.offset());
        assertNull(q.text());
        assertNull(q.name());
        assertEquals(List.of(), q.genres());
        assertNull(q.codec());
        assertNull(q.bitrateMin());
        assertNull(q.bitrateMax());
        assertNull(q.cursor());
    }

    @Test
    void limitIsCappedOffsetPassesAndLimitZeroMatchesNothing() {
        assertEquals(500, query("limit=100000").limit());
        assertEquals(20, query("limit=20&offset=40").limit());
        assertEquals(40, query("limit=20&offset=40").offset());
        assertTrue(parse("limit=0").isEmpty());
    }

    @Test
    void nameIsAStationNameSearch() {
        StreamQuery q = query("name=Jazz%20Lou");
        assertEquals("Jazz Lou", q.name());
        assertNull(q.text());
    }

    @Test
    void tagAndTagListCombineLowerCasedAndAllMustMatch() {
        assertEquals(List.of("rock"), query("tag=Rock").genres());
        assertEquals(List.of("rock", "live", "hip hop"), query("tag=rock&tagList=LIVE,%20,hip%20hop,rock").genres());
        assertEquals("tagList", badParameter("tagList=a,b,c,d,e,f,g,h,i,j,k"));
        assertEquals("tagList", badParameter("tagList=ok," + "x".repeat(41)));
        assertEquals("tag", badParameter("tag=" + "x".repeat(41)));
    }

    @Test
    void radioBrowserOrdersMapOntoOndesOrdersKeepingTheirDirection() {
        assertEquals(Order.NAME, query("order=name").order());
        assertFalse(query("order=name").reverse(), "name ascending");
        assertTrue(query("order=name&reverse=true").reverse(), "name descending");
        StreamQuery bitrate = query("order=bitrate");
        assertEquals(Order.BITRATE, bitrate.order());
        assertTrue(bitrate.reverse(), "radio-browser sorts ascending unless reverse; Ondes bitrate runs down by default");
        assertFalse(query("order=bitrate&reverse=true").reverse());
        assertEquals(Order.LISTENERS, query("order=clickcount").order());
        assertEquals(Order.LISTENERS, query("order=votes").order());
        assertEquals(Order.LISTENERS, query("order=clicktrend").order());
        assertEquals(Order.LIVE_SINCE, query("order=changetimestamp").order());
        assertEquals(Order.LIVE_SINCE, query("order=lastchecktime").order());
        assertEquals(Order.NAME, query("order=tags").order(), "radio-browser's own fallback");
        assertEquals(Order.NAME, query("order=codec").order());
        StreamQuery random = query("order=random");
        assertEquals(Order.RANDOM, random.order());
        assertNotNull(random.seed());
        assertEquals("order", badParameter("order=loudest"));
        assertEquals("order", badParameter("order=stationcount"));
    }

    @Test
    void codecAndBitratesFollowRadioBrowserSemantics() {
        assertEquals("Vorbis", query("codec=VORBIS").codec());
        assertEquals("AAC+", query("codec=aac%2B").codec());
        assertTrue(parse("codec=wma").isEmpty(), "a codec Ondes never lists matches nothing");
        assertNull(query("bitrateMin=0").bitrateMin(), "0 means unknown bitrates are included");
        assertEquals(128, query("bitrateMin=128").bitrateMin());
        assertEquals(192, query("bitrateMax=192").bitrateMax());
        assertNull(query("bitrateMax=1000000").bitrateMax(), "radio-browser's default means no limit");
        assertTrue(parse("bitrateMin=320&bitrateMax=128").isEmpty());
        assertEquals("bitrateMin", badParameter("bitrateMin=-1"));
        assertEquals("bitrateMax", badParameter("bitrateMax=fast"));
    }

    @Test
    void filtersOnDataOndesDoesNotHaveMatchNothing() {
        for (String q : List.of("country=France", "state=Bavaria", "language=english", "has_geo_info=true",
                "has_extended_info=true", "countrycode=FRA")) {
            assertTrue(parse(q).isEmpty(), q);
        }
        assertTrue(parse("has_geo_info=false&has_extended_info=false&hidebroken=true&nameExact=false").isPresent());
        assertEquals("FR", query("countrycode=fr").country());
        assertEquals(true, query("is_https=true").https());
    }

    @Test
    void everyMalformedParameterIsNamed() {
        assertEquals("limit", badParameter("limit=-1"));
        assertEquals("limit", badParameter("limit=ten"));
        assertEquals("offset", badParameter("offset=-1"));
        assertEquals("offset", badParameter("offset=1000001"));
        assertEquals("reverse", badParameter("reverse=2"));
        assertEquals("hidebroken", badParameter("hidebroken=maybe"));
        assertEquals("is_https", badParameter("is_https=yes"));
        assertEquals("name", badParameter("name=" + "x".repeat(201)));
    }
}
