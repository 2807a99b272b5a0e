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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The read model repairs itself after lost events, and re-projecting an unchanged station changes nothing. */
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
