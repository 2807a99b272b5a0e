package org.ondes.catalog.radiobrowser;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.TestDb;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ondes.catalog.radiobrowser.RbHttp.assertProblem;
import static org.ondes.catalog.radiobrowser.RbHttp.enc;

/** What radio apps and browsers get around the answers: CORS on every /json response, and problems for bad input. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RadioBrowserRequestsIT implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;
    OndesApi api;
    RbHttp http;

    @Override
    public Map<String, String> getProperties() {
        return TestDb.properties();
    }

    @BeforeAll
    void connect() {
        api = new OndesApi(server.getPort());
        http = new RbHttp(server.getPort());
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body) {
        return http.send(method, path, contentType, body);
    }

    @Test
    void everyJsonResponseAllowsAnyOriginAndPreflightsAreAnswered() {
        for (String path : List.of("/json/stations/search", "/json/tags", "/json/stats", "/json/stations/search?limit=x",
                "/json/url/00000000-0000-4000-8000-000000000000", "/json/nothing-here")) {
            HttpResponse<String> r = send("GET", path, null, null);
            assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElse(null), path + " " + r.statusCode());
        }
        HttpResponse<String> preflight = send("OPTIONS", "/json/stations/search", null, null);
        assertEquals(204, preflight.statusCode());
        assertEquals("*", preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));
        assertNull(send("GET", "/api/v1/me/stations", null, null).headers().firstValue("Access-Control-Allow-Methods").orElse(null),
                "only /json is opened");
    }

    @Test
    void badParametersGetProblemJsonNamingTheParameter() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("limit=-1", "limit");
        cases.put("limit=abc", "limit");
        cases.put("limit=99999999999999999999", "limit");
        cases.put("offset=-1", "offset");
        cases.put("offset=1000001", "offset");
        cases.put("order=loudest", "order");
        cases.put("reverse=maybe", "reverse");
        cases.put("hidebroken=perhaps", "hidebroken");
        cases.put("is_https=x", "is_https");
        cases.put("bitrateMin=x", "bitrateMin");
        cases.put("bitrateMax=-5", "bitrateMax");
        cases.put("tag=" + "x".repeat(41), "tag");
        cases.put("tagList=" + enc("a,b,c,d,e,f,g,h,i,j,k"), "tagList");
        cases.put("name=" + "x".repeat(201), "name");
        cases.forEach((query, param) -> assertProblem(api.get("/json/stations/search?" + query, null), 400, param));
        assertProblem(RbHttp.response(send("POST", "/json/stations/search", "application/json", "[1,2")), 400, "body");
        HttpResponse<String> plainText = send("POST", "/json/stations/search", "text/plain", "tag=rock");
        assertEquals(415, plainText.statusCode(), plainText.body());
        for (String hostile : List.of("tag=%00", "name=%00abc", "tagList=%00%01", "codec=%00", "countrycode=%00")) {
            assertEquals(200, api.get("/json/stations/search?" + hostile, null).status(), hostile);
        }
    }
}
