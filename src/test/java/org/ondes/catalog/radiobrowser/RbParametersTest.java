package org.ondes.catalog.radiobrowser;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import org.junit.jupiter.api.Test;
import org.ondes.web.ProblemException;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RbParametersTest {
    private static RbParameters of(String query, MediaType type, String body) {
        return RbParameters.of(HttpRequest.GET("/json/stations/search?" + query).getParameters(), type,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void formBodyWinsOverTheQueryAndTheFirstValueWins() {
        RbParameters p = of("tag=jazz&limit=5&limit=6", MediaType.APPLICATION_FORM_URLENCODED_TYPE,
                "tag=hip+hop&tag=rock&name=Caf%C3%A9");
        assertEquals("hip hop", p.text("tag", 40));
        assertEquals("Café", p.text("name", 40));
        assertEquals(5, p.number("limit", 0, 10, 0));
    }

    @Test
    void jsonBodiesGiveNumbersBooleansAndArraysAsText() {
        RbParameters p = of("", MediaType.APPLICATION_JSON_TYPE,
                "{\"limit\":10,\"reverse\":true,\"tagList\":[\" rock \",\"\",5,\"live\"],\"name\":null,\"bitrateMin\":64.0}");
        assertEquals(10, p.number("limit", 0, 100, 0));
        assertTrue(p.bool("reverse", false));
        assertEquals("rock,live", p.text("tagList", 100));
        assertNull(p.text("name", 10));
        assertEquals(64, p.number("bitrateMin", 0, 1000, 0));
    }

    @Test
    void malformedBodiesAndOtherMediaTypesAreRefused() {
        assertEquals("body", assertThrows(ProblemException.class,
                () -> of("", MediaType.APPLICATION_JSON_TYPE, "[1,2")).errors().get(0).name());
        assertEquals("body", assertThrows(ProblemException.class,
                () -> of("", MediaType.APPLICATION_FORM_URLENCODED_TYPE, "tag=%zz")).errors().get(0).name());
        assertEquals("order", assertThrows(ProblemException.class,
                () -> of("", MediaType.APPLICATION_JSON_TYPE, "{\"order\":{\"by\":\"name\"}}")).errors().get(0).name());
        assertEquals(HttpStatus.UNSUPPORTED_MEDIA_TYPE, assertThrows(ProblemException.class,
                () -> of("", MediaType.MULTIPART_FORM_DATA_TYPE, "--x")).status());
        assertEquals("x", of("tag=x", MediaType.TEXT_PLAIN_TYPE, "").text("tag", 5), "an empty body is no body");
        assertEquals("jazz", of("", MediaType.of("application/x-www-form-urlencoded; charset=UTF-8"), "tag=jazz").text("tag", 5));
        assertEquals("jazz", of("", MediaType.of("Application/JSON; charset=utf-8"), "{\"tag\":\"jazz\"}").text("tag", 5));
    }

    @Test
    void valuesAreCleanedAndTypedGettersNameTheParameter() {
        RbParameters p = of("tag=%00ro%01ck%00&blank=%20&flag=FALSE&n=12x", null, null);
        assertEquals("rock", p.text("tag", 40));
        assertNull(p.text("blank", 40));
        assertFalse(p.bool("flag", true));
        assertEquals("n", assertThrows(ProblemException.class, () -> p.number("n", 0, 100, 0)).errors().get(0).name());
        assertEquals("tag", assertThrows(ProblemException.class, () -> p.text("tag", 3)).errors().get(0).name());
    }
}
