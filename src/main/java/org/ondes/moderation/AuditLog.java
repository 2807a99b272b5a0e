package org.ondes.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.ondes.web.ProblemException;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The audit log as admins read it: every moderation and admin action from {@code mod_actions}, newest first, optionally
 * only one kind of action or one actor.
 */
@Singleton
public class AuditLog {
    @Serdeable
    public record Entry(long id, String action, String actor, String subject, @Nullable UUID stationId, @Nullable Long accountId,
                 @Nullable Long banId, @Nullable Long reportId, @Nullable String reason, @Nullable String detail,
                 Instant at, @Nullable String target) {
    }

    @Serdeable
    public record Page(List<Entry> items, long total) {
    }

    private final JdbcOperations jdbc;

    AuditLog(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code action}: one of the logged kinds (wire name) or null for all; {@code actor}: a username or null. */
    @Transactional(Transactional.TxType.SUPPORTS)
    Page read(@Nullable String action, @Nullable String actor, Paging paging) {
        String kind = action == null ? null : wire(action);
        String who = actor == null || actor.isBlank() ? null : actor.strip();
        if (who != null && who.length() > 100) {
            throw ProblemException.badRequest("actor", "must be a username of at most 100 characters");
        }
        String where = " WHERE (?::text IS NULL OR action = ?) AND (?::text IS NULL OR lower(actor_name) = lower(?))";
        List<Entry> items = jdbc.prepareStatement("""
                SELECT id, action, actor_name, subject, station_id, account_id, ban_id, report_id, reason, detail, created_at,
                       target
                FROM mod_actions""" + where + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?", ps -> {
            ps.setString(1, kind);
            ps.setString(2, kind);
            ps.setString(3, who);
            ps.setString(4, who);
            ps.setInt(5, paging.limit());
            ps.setInt(6, paging.offset());
            List<Entry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, UUID.class), (Long) rs.getObject(6), (Long) rs.getObject(7),
                            (Long) rs.getObject(8), rs.getString(9), rs.getString(10), rs.getTimestamp(11).toInstant(),
                            rs.getString(12)));
                }
            }
            return out;
        });
        long total = jdbc.prepareStatement("SELECT count(*) FROM mod_actions" + where, ps -> {
            ps.setString(1, kind);
            ps.setString(2, kind);
            ps.setString(3, who);
            ps.setString(4, who);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        return new Page(items, total);
    }

    /** As {@link #read} with a limit (1..200) and offset (0..100000) already checked, for the audit-log page. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page page(@Nullable String action, @Nullable String actor, int limit, int offset) {
        return read(action, actor, new Paging(limit, offset));
    }

    /** The wire names of every kind of logged action, in the order the filter offers them. */
    public static List<String> actions() {
        List<String> names = new ArrayList<>();
        for (ModerationAction a : ModerationAction.values()) {
            names.add(a.wire);
        }
        return names;
    }

    private static String wire(String action) {
        for (ModerationAction a : ModerationAction.values()) {
            if (a.wire.equals(action)) {
                return a.wire;
            }
        }
        throw ProblemException.badRequest("action", "must be one of " + String.join(", ", actions()));
    }
}
