package org.ondes.federation.delivery;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.ondes.testkit.TestDb;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * V21 moves each queued delivery's bytes into {@code fed_payloads}: deliveries queued before an upgrade are still sent
 * exactly as they were queued, by the same signer, and payloads stored afterwards do not collide with the moved ones.
 */
class DeliveryPayloadsMigrationIT {

    @Test
    void deliveriesQueuedBeforeTheUpgradeKeepTheirBytesAndSigner() throws SQLException {
        TestDb.Schema db = TestDb.newSchema();
        migrate(db, "20");
        byte[] body = "{\"id\": \"https://a.example/1\",  \"type\": \"Create\"}\n".getBytes(StandardCharsets.UTF_8);
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO fed_deliveries (activity_id, inbox, host, signer, body, attempts)
                VALUES ('https://a.example/1', ?, 'peer.example', 'https://a.example/actor', ?, 2)
                """)) {
            for (String inbox : new String[] {"https://peer.example/inbox", "https://peer.example/users/b/inbox"}) {
                ps.setString(1, inbox);
                ps.setBytes(2, body);
                ps.executeUpdate();
            }
        }

        migrate(db, null);

        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("""
                    SELECT d.inbox, d.attempts, p.signer, p.body FROM fed_deliveries d
                    JOIN fed_payloads p ON p.id = d.payload_id ORDER BY d.id
                    """)) {
                for (String inbox : new String[] {"https://peer.example/inbox", "https://peer.example/users/b/inbox"}) {
                    assertTrue(rs.next(), "a delivery queued before the upgrade was lost");
                    assertEquals(inbox, rs.getString(1));
                    assertEquals(2, rs.getInt(2));
                    assertEquals("https://a.example/actor", rs.getString(3));
                    assertArrayEquals(body, rs.getBytes(4));
                }
            }
            st.executeUpdate("INSERT INTO fed_payloads (activity_id, signer, body) VALUES ('b', 's', '\\x00')");
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM fed_payloads")) {
                rs.next();
                assertEquals(3, rs.getInt(1), "the new payload took a fresh id");
            }
        }
    }

    private static void migrate(TestDb.Schema db, String target) {
        var config = Flyway.configure().dataSource(db.url(), db.user(), db.password())
                .locations("classpath:db/migration");
        if (target != null) {
            config.target(target);
        }
        config.load().migrate();
    }
}
