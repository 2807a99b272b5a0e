package org.ondes.hardening;

import org.ondes.testkit.OndesApi;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Checks of what the instance serves after a battery: no markup from the battery came back live. */
final class Served {
    /** Fragments that only appear if a hostile value reached a page with its markup intact. */
    private static final List<String> RAW = List.of("<script>alert", "<img src=x", "<svg/onload", "<iframe",
            "<style>body", "href=\"javascript:", "<scr<script>", "<a href=\"javascript", "<!DOCTYPE x", "]]><script");
    private static final Pattern STATION_LINK = Pattern.compile("href=\"/stations/([A-Za-z0-9_-]+)\"");

    private Served() {
    }

    static void assertNoLiveMarkup(String what, String html) {
        for (String raw : RAW) {
            int at = html.indexOf(raw);
            if (at >= 0) {
                fail(what + " serves hostile markup unescaped: …" + html.substring(Math.max(0, at - 200),
                        Math.min(html.length(), at + 200)) + "…");
            }
        }
    }

    /** yp.xml still parses as XML (no DOCTYPE, no external entities) and carries no live markup in its text. */
    static Document assertYpXmlParses(OndesApi api) throws Exception {
        OndesApi.Response yp = api.get("/yp.xml", null);
        assertEquals(200, yp.status(), yp.body());
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(yp.body())));
        assertEquals("directory", doc.getDocumentElement().getNodeName());
        return doc;
    }

    /** The station pages linked from the home page and the given searches, each checked for live markup. */
    static int assertPagesEscaped(OndesApi api, List<String> homeQueries) {
        List<String> ids = new ArrayList<>();
        for (String q : homeQueries) {
            OndesApi.Response home = api.get("/" + q, null);
            assertTrue(home.status() < 500, "GET /" + q + ": " + home.status());
            assertNoLiveMarkup("GET /" + q, home.body());
            Matcher m = STATION_LINK.matcher(home.body());
            while (m.find()) {
                if (!ids.contains(m.group(1))) {
                    ids.add(m.group(1));
                }
            }
        }
        for (Object item : (List<?>) api.get("/api/v1/streams?limit=500", null).json().get("items")) {
            String id = (String) ((Map<?, ?>) item).get("id");
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        for (String id : ids) {
            for (String page : List.of("/stations/" + id, "/stations/" + id + "/embed")) {
                OndesApi.Response r = api.get(page, null);
                assertEquals(200, r.status(), page);
                assertNoLiveMarkup(page, r.body());
            }
        }
        return ids.size();
    }

    /** GET /health is 200 and the JSON catalog answers. */
    static void assertHealthy(OndesApi api) {
        OndesApi.Response health = api.get("/health", null);
        assertEquals(200, health.status(), health.body());
        OndesApi.Response streams = api.get("/api/v1/streams?limit=500", null);
        assertEquals(200, streams.status(), streams.body());
        Map<String, Object> json = streams.json();
        assertTrue(json.containsKey("items"), streams.body());
    }
}
