package org.ondes.catalog;

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

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The read model repairs itself after lost events, re-projecting an unchanged station changes nothing, and now-playing
 * titles are recorded without a relay's repeats.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogProjectionIT implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;
    @Inject
    CatalogReconcileJob reconcile;
    @Inject
    CatalogProjection projection;
    @Inject
    CatalogWriter writer;
    @Inject
    Catalog catalog;
    TestDb.Schema db;

    @Override
    public Map<String, String> getProperties() {
        db = TestDb.newSchema();
        Map<String, String> p = new java.util.HashMap<>(db.properties());
        return p;
    }

    private static List<Object> ids(OndesApi api) {
        return ((List<?>) api.get("/api/v1/streams", null).json().get("items")).stream()
                .map(o -> ((Map<?, ?>) o).get("id")).map(Object.class::cast).toList();
    }

    @Test
    void songsAreRecordedInOrderAndARepeatOfTheStationsPreviousTitleIsSkipped() throws Exception {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        Instant t = Instant.parse("2026-11-21T10:00:00Z");
        assertEquals(2, writer.songs(List.of(new CatalogWriter.Song(a, "Dub One", t), new CatalogWriter.Song(b, "East", t))));
        // one batch: a repeats its stored title, then changes, then repeats that; b changes and goes back to its first
        assertEquals(3, writer.songs(List.of(
                new CatalogWriter.Song(a, "Dub One", t.plusSeconds(1)),
                new CatalogWriter.Song(b, "West", t.plusSeconds(2)),
                new CatalogWriter.Song(a, "Dub Two", t.plusSeconds(3)),
                new CatalogWriter.Song(a, "Dub Two", t.plusSeconds(4)),
                new CatalogWriter.Song(b, "East", t.plusSeconds(5)))));
        assertEquals(List.of("Dub One@0", "Dub Two@3"), history(a));
        assertEquals(List.of("East@0", "West@2", "East@5"), history(b));
    }

    private List<String> history(UUID station) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        try (Connection c = db.connect(); java.sql.PreparedStatement ps = c.prepareStatement(
                "SELECT song, extract(epoch FROM started_at - '2026-11-21T10:00:00Z')::int FROM catalog_song_history"
                        + " WHERE station_id = ? ORDER BY id")) {
            ps.setObject(1, station);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + "@" + rs.getInt(2));
                }
            }
        }
        return out;
    }

    @Test
    void reconcileRestoresMissingEntriesAndDropsOrphans() throws Exception {
        OndesApi api = new OndesApi(server.getPort());
        try (FakeIcecastMount mount = new FakeIcecastMount()) {
            OndesApi.User user = api.newUser();
            String url = mount.url("/drift.ogg");
            assertTrue(YpReplyHead.parse(api.ypRaw(user.ypToken(), IcecastWire.add("Drift FM", "x", url))).ok());
            String id = (String) api.awaitListed(url, e -> true).get("id");
            UUID orphan = UUID.randomUUID();
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                // an entry whose offline event was lost, and a live station whose went-live event was lost
                st.executeUpdate("INSERT INTO catalog_entries (station_id, name, description, homepage, genres, codecs,"
                        + " content_types, bitrate, language, country, https, listeners, current_song, live_since, last_touch,"
                        + " sessions) SELECT '" + orphan + "', 'Ghost', description, homepage, genres, codecs,"
                        + " content_types, bitrate, language, country, https, listeners, current_song, live_since, last_touch,"
                        + " sessions FROM catalog_entries WHERE station_id = '" + id + "'");
                st.executeUpdate("DELETE FROM catalog_entries WHERE station_id = '" + id + "'");
                // logged like any catalog write, so every instance's search index sees the drifted state too
                st.executeUpdate("WITH v AS (UPDATE catalog_meta SET version = version + 1 RETURNING version)"
                        + " INSERT INTO catalog_changes (version, station_id) SELECT v.version, s FROM v,"
                        + " unnest(ARRAY['" + orphan + "', '" + id + "']::uuid[]) AS s");
            }
            assertEquals(List.of(orphan.toString()), ids(api), "drifted: the ghost listed, the live station missing");
            assertEquals(2, reconcile.runOnce(), "one missing, one orphan");
            projection.flush();
            assertEquals(List.of(id), ids(api), "repaired");

            long before = catalog.version().version();
            writer.project(List.of(UUID.fromString(id)));
            assertEquals(before, catalog.version().version(), "an unchanged station does not invalidate caches");
        }
    }
}
