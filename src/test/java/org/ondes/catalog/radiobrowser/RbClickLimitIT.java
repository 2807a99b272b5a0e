package org.ondes.catalog.radiobrowser;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.testkit.FakeIcecastMount;
import org.ondes.testkit.ListedStream;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.TestDb;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Past ONDES_LIMITS_CLICKS_PER_HOUR, {@code /json/url/{uuid}} still answers with the URL to play (the listener must
 * not notice) but the click is not counted. 127.0.0.1 is a trusted proxy, so X-Forwarded-For names the listener.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RbClickLimitIT implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;
    OndesApi api;
    FakeIcecastMount mount;
    List<ListedStream> stations;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(TestDb.properties());
        p.put("ondes.trusted-proxies", "127.0.0.1");
        p.put("ondes.limits.clicks-per-hour", "2");
        return p;
    }

    @BeforeAll
    void start() throws Exception {
        api = new OndesApi(server.getPort());
        mount = new FakeIcecastMount();
        OndesApi.User user = api.newUser();
        stations = List.of(ListedStream.announce(api, user, mount, "Click A", "/a.ogg"),
                ListedStream.announce(api, user, mount, "Click B", "/b.ogg"),
                ListedStream.announce(api, user, mount, "Click C", "/c.ogg"));
    }

    @AfterAll
    void stop() throws Exception {
        mount.close();
    }

    private OndesApi.Response click(ListedStream s, String listener) {
        return api.send("GET", "/json/url/" + s.stationId(), null, null, Map.of("X-Forwarded-For", listener));
    }

    private int clickcount(ListedStream s) {
        List<Object> found = api.get("/json/stations/byuuid/" + s.stationId(), null).jsonList();
        return ((Number) RbHttp.maps(found).get(0).get("clickcount")).intValue();
    }

    @Test
    void pastTheLimitTheUrlIsStillGivenButTheClickIsNotCounted() {
        for (ListedStream s : stations) {
            OndesApi.Response r = click(s, "192.0.2.77");
            assertEquals(200, r.status(), r.body());
            assertEquals(s.listenUrl(), r.json().get("url"));
            assertEquals(true, r.json().get("ok"));
        }
        assertEquals(List.of(1, 1, 0), stations.stream().map(this::clickcount).toList());
        assertEquals(200, click(stations.get(2), "192.0.2.78").status());
        assertEquals(1, clickcount(stations.get(2)), "another listener's click counts");
    }
}
