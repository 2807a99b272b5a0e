package org.ondes.catalog;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.testkit.Await;
import org.ondes.testkit.FakeIcecastMount;
import org.ondes.testkit.FreePorts;
import org.ondes.testkit.ListedStream;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.OndesInstance;
import org.ondes.testkit.TestDb;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each instance searches its own in-memory index: what one instance ingests must show up in another's search
 * (background sync from the change log), and an instance that fell behind a pruned log must reload, not miss changes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchIndexSyncIT {
    private static final Duration FEW_SECONDS = Duration.ofSeconds(5);

    TestDb.Schema db;
    OndesInstance a;
    OndesInstance b;
    OndesInstance lagging;
    FakeIcecastMount mount;

    @BeforeAll
    void start() throws Exception {
        db = TestDb.newSchema();
        a = OndesInstance.start(db, FreePorts.next(), Map.of());
        // the production setting: searches never wait for the database, a background thread syncs every 100 ms
        b = OndesInstance.start(db, FreePorts.next(), Map.of("ondes.catalog.index-staleness-millis", "100"));
        // syncs only when told to, so the test decides how far behind it is
        lagging = OndesInstance.start(db, FreePorts.next(), Map.of("ondes.catalog.index-staleness-millis", "3600000"));
        mount = new FakeIcecastMount();
    }

    @AfterAll
    void stop() throws Exception {
        mount.close();
        lagging.close();
        b.close();
        a.close();
    }

    private static List<String> names(OndesInstance i, String query) {
        return i.api().get("/api/v1/streams?" + query, null).json().get("items") instanceof List<?> items
                ? items.stream().map(o -> (String) ((Map<?, ?>) o).get("name")).toList() : List.of();
    }

    @Test
    void whatOneInstanceIngestsAnotherFindsWithinAMomentUntilItEnds() {
        OndesApi api = a.api();
        OndesApi.User user = api.newUser();
        ListedStream s = ListedStream.announce(api, user, mount, "Synced Waves", "/synced.ogg");
        Await.until(FEW_SECONDS, () -> names(b, "q=synced"), n -> n.equals(List.of("Synced Waves")), () -> "not found on B");
        assertTrue(s.touch(api, user, "Zanzibar Nights", 7).ok());
        Await.until(FEW_SECONDS, () -> names(b, "q=zanzibar"), n -> n.equals(List.of("Synced Waves")),
                () -> "the new song's words on B: " + names(b, "q=zanzibar"));
        assertTrue(s.remove(api, user).ok());
        Await.until(FEW_SECONDS, () -> names(b, "q=synced"), List::isEmpty, () -> "still listed on B");
    }

    @Test
    void anInstanceBehindAPrunedChangeLogReloadsEverything() throws Exception {
        SearchIndexSync sync = lagging.context().getBean(SearchIndexSync.class);
        sync.sync(System.nanoTime());
        OndesApi api = a.api();
        OndesApi.User user = api.newUser();
        ListedStream s = ListedStream.announce(api, user, mount, "Pruned Pulse", "/pruned.ogg");
        assertEquals(List.of(), names(lagging, "q=pruned"), "not synced yet, by design of this instance's setting");
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.executeUpdate("WITH gone AS (DELETE FROM catalog_changes RETURNING version) UPDATE catalog_meta"
                    + " SET changes_pruned_through = (SELECT max(version) FROM gone)");
        }
        sync.sync(System.nanoTime());
        assertEquals(List.of("Pruned Pulse"), names(lagging, "q=pruned"));
        assertTrue(s.remove(api, user).ok());
        Await.until(FEW_SECONDS, () -> names(a, "q=pruned"), List::isEmpty, () -> "still listed on A");
        sync.sync(System.nanoTime());
        assertEquals(List.of(), names(lagging, "q=pruned"), "a removal reaches it through the log");
    }
}
