package org.ondes.catalog.export;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.testkit.FakeIcecastMount;
import org.ondes.testkit.IcecastWire;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.TestDb;
import org.ondes.testkit.YpReplyHead;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A search as a playlist: every listen URL of the matching live stations, titled with the station's name. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchPlaylistsIT implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return TestDb.properties();
    }

    @Test
    void searchResultsComeAsM3uPlsAndXspf() throws Exception {
        OndesApi api = new OndesApi(server.getPort());
        try (FakeIcecastMount mount = new FakeIcecastMount()) {
            OndesApi.User user = api.newUser();
            for (String[] s : new String[][]{{"Dub Station", "dub", "/dub.ogg"}, {"Dub Station", "dub", "/dub-relay.ogg"},
                    {"Rock Station", "rock", "/rock.ogg"}}) {
                assertTrue(YpReplyHead.parse(api.ypRaw(user.ypToken(), IcecastWire.add(s[0], s[1], mount.url(s[2])))).ok());
            }
            for (String m : new String[]{"/dub.ogg", "/dub-relay.ogg", "/rock.ogg"}) {
                api.awaitListed(mount.url(m), e -> true);
            }
            OndesApi.Response m3u = api.get("/api/v1/streams.m3u?genre=dub", null);
            assertEquals(200, m3u.status());
            assertTrue(m3u.contentType().startsWith("audio/x-mpegurl"), m3u.contentType());
            assertTrue(m3u.body().contains("#EXTINF:-1,Dub Station\r\n" + mount.url("/dub.ogg") + "\r\n"), m3u.body());
            assertTrue(m3u.body().contains(mount.url("/dub-relay.ogg")), "every listen URL of the station");
            assertFalse(m3u.body().contains("rock"), "only what the search matched");

            OndesApi.Response pls = api.get("/api/v1/streams.pls", null);
            assertTrue(pls.body().contains("NumberOfEntries=3\r\n"), pls.body());

            OndesApi.Response xspf = api.get("/api/v1/streams.xspf?q=rock", null);
            var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xspf.body().getBytes(StandardCharsets.UTF_8)));
            assertEquals(1, doc.getElementsByTagName("track").getLength());
            assertEquals("Rock Station", doc.getElementsByTagName("track").item(0).getLastChild().getTextContent());

            OndesApi.Response bad = api.get("/api/v1/streams.m3u?order=loud", null);
            assertEquals(400, bad.status());
            assertTrue(bad.contentType().startsWith("application/problem+json"), bad.contentType());
        }
    }
}
