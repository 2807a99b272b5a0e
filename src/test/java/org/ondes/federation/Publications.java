package org.ondes.federation;

import org.ondes.testkit.OndesApi;
import org.ondes.testkit.StubInbox;
import org.ondes.testkit.TestDb;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Test helpers for what stations publish: followers on stub inboxes, and the activities those inboxes received. */
final class Publications {
    static final String AS_ACCEPT = "application/activity+json";

    private Publications() {
    }

    /** Makes a remote actor whose inbox is {@code inbox} follow {@code localActor} ("instance" or a station id). */
    static void follower(TestDb.Schema db, String localActor, String actorId, String inbox, boolean ondesCatalog)
            throws SQLException {
        try (Connection c = db.connect()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO fed_remote_actors (id, host, type, inbox, ondes_catalog) VALUES (?, '127.0.0.1', ?, ?, ?)
                    ON CONFLICT (id) DO NOTHING""")) {
                ps.setString(1, actorId);
                ps.setString(2, ondesCatalog ? "Application" : "Person");
                ps.setString(3, inbox);
                ps.setBoolean(4, ondesCatalog);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO fed_followers (local_actor, remote_actor, follow_id) VALUES (?, ?, ?)")) {
                ps.setString(1, localActor);
                ps.setString(2, actorId);
                ps.setString(3, actorId + "#follow-" + localActor);
                ps.executeUpdate();
            }
        }
    }

    /** Every activity POSTed to the stub, oldest first. */
    static List<Map<String, Object>> activities(StubInbox stub) {
        return stub.received().stream().filter(r -> r.method().equals("POST"))
                .map(r -> OndesApi.json(new String(r.body(), StandardCharsets.UTF_8))).toList();
    }

    /** The activities of {@code type} about the object with this id (embedded or named by id). */
    static List<Map<String, Object>> about(StubInbox stub, String type, String objectId) {
        return activities(stub).stream().filter(a -> type.equals(a.get("type")) && objectId.equals(objectId(a))).toList();
    }

    static String objectId(Map<String, Object> activity) {
        Object o = activity.get("object");
        return o instanceof Map<?, ?> m ? (String) m.get("id") : (String) o;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Map<String, Object> activity) {
        return (Map<String, Object>) Objects.requireNonNull(activity.get("object"), "object");
    }
}
