package org.ondes.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestTest {

    private static final URI URL = URI.create("https://radio.ondes.fr/live");

    @ParameterizedTest(name = "header value {0} is refused")
    @ValueSource(strings = {"a\r\nX-Injected: 1", "a\nb", "a\rb", "nul\u0000", "caf\u00e9"})
    void headerValuesThatCouldSplitTheRequestAreRefused(String value) {
        assertThrows(IllegalArgumentException.class,
                () -> new Request("GET", URL, Map.of("X-Test", value), null, 10, 0, false));
    }

    @ParameterizedTest(name = "header {0} is set by the client only")
    @ValueSource(strings = {"Host", "user-agent", "Connection", "Content-Length", "Transfer-Encoding",
        "Accept-Encoding"})
    void framingHeadersCannotBeOverridden(String name) {
        assertThrows(IllegalArgumentException.class,
                () -> new Request("GET", URL, Map.of(name, "x"), null, 10, 0, false));
    }

    @Test
    void invalidMethodsLimitsAndHeaderNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Request("get", URL, Map.of(), null, 10, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new Request("GET /x", URL, Map.of(), null, 10, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new Request("GET", null, Map.of(), null, 10, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new Request("GET", URL, Map.of(), null, -1, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new Request("GET", URL, Map.of(), null, 10, 21, false));
        assertThrows(IllegalArgumentException.class,
                () -> new Request("GET", URL, Map.of("Bad Name", "x"), null, 10, 0, false));
    }

    @Test
    void bodyIsCopiedSoCallersCannotChangeItLater() {
        byte[] body = {1, 2, 3};
        Request request = new Request("POST", URL, null, body, 10, 0, false);
        body[0] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, request.body());
        assertEquals(Map.of(), request.headers());
    }

    @Test
    void responseHeaderLookupIgnoresCase() {
        Response response = new Response(200, "HTTP/1.1 200 OK", "HTTP/1.1",
                Map.of("content-type", List.of("audio/mpeg")), null, false, URL, null, 1);
        assertEquals("audio/mpeg", response.header("Content-Type").orElseThrow());
        assertEquals(List.of("audio/mpeg"), response.headerValues("CONTENT-TYPE"));
        assertEquals(0, response.body().length);
    }
}
