package org.ondes.moderation;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Types;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * SQL for mod_actions, the record of who did what, when and why (the start of the audit log). Written in the same
 * transaction as the action, so an action is never done without its entry. Callers provide the transaction.
 */
@Singleton
class ActionLog {
    private final JdbcOperations jdbc;

    ActionLog(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void record(ModerationAction action, Moderation.Actor actor, UUID stationId, Long accountId, String subject,
                String reason, String detail) {
        record(action, actor, new Target(stationId, accountId, null, null), subject, reason, detail);
    }

    /** What an action concerns: at least one of them is set. */
    record Target(UUID stationId, Long accountId, Long banId, Long reportId) {
        static Target ban(long banId, Long accountId) {
            return new Target(null, accountId, banId, null);
        }

        static Target report(long reportId, UUID stationId) {
            return new Target(stationId, null, null, reportId);
        }
    }

    void record(ModerationAction action, Moderation.Actor actor, Target target, String subject, String reason,
                String detail) {
        jdbc.prepareStatement("""
                INSERT INTO mod_actions (action, actor_id, actor_name, station_id, account_id, ban_id, report_id,
                                         subject, reason, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, ps -> {
            ps.setString(1, action.wire);
            ps.setLong(2, actor.accountId());
            ps.setString(3, actor.username());
            ps.setObject(4, target.stationId());
            setLong(ps, 5, target.accountId());
            setLong(ps, 6, target.banId());
            setLong(ps, 7, target.reportId());
            ps.setString(8, subject);
            ps.setString(9, reason);
            ps.setString(10, detail);
            return ps.executeUpdate();
        });
    }

    private static void setLong(java.sql.PreparedStatement ps, int index, Long value) throws java.sql.SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    /**
     * Records an action on something that has no station, account, rule or report row of its own (a registration
     * mode, an invitation): {@code target} names it (mod_actions.target); {@code accountId} may name an account too.
     */
    void recordOn(ModerationAction action, Moderation.Actor actor, String target, Long accountId, String subject,
                  String reason, String detail) {
        jdbc.prepareStatement("""
                INSERT INTO mod_actions (action, actor_id, actor_name, account_id, target, subject, reason, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, ps -> {
            ps.setString(1, action.wire);
            ps.setLong(2, actor.accountId());
            ps.setString(3, actor.username());
            setLong(ps, 4, accountId);
            ps.setString(5, target);
            ps.setString(6, subject);
            ps.setString(7, reason);
            ps.setString(8, detail);
            return ps.executeUpdate();
        });
    }

    /** Who last did {@code action} on each of these stations. */
    Map<UUID, String> lastActorOnStations(ModerationAction action, Collection<UUID> stationIds) {
        Map<UUID, String> actors = new HashMap<>();
        if (stationIds.isEmpty()) {
            return actors;
        }
        jdbc.prepareStatement("""
                SELECT DISTINCT ON (station_id) station_id, actor_name FROM mod_actions
                WHERE action = ? AND station_id = ANY (?) ORDER BY station_id, created_at DESC, id DESC
                """, ps -> {
            ps.setString(1, action.wire);
            ps.setArray(2, ps.getConnection().createArrayOf("uuid", stationIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    actors.put(rs.getObject(1, UUID.class), rs.getString(2));
                }
            }
            return null;
        });
        return actors;
    }

    /** Who last did {@code action} on each of these accounts. */
    Map<Long, String> lastActorOnAccounts(ModerationAction action, Collection<Long> accountIds) {
        Map<Long, String> actors = new HashMap<>();
        if (accountIds.isEmpty()) {
            return actors;
        }
        jdbc.prepareStatement("""
                SELECT DISTINCT ON (account_id) account_id, actor_name FROM mod_actions
                WHERE action = ? AND account_id = ANY (?) ORDER BY account_id, created_at DESC, id DESC
                """, ps -> {
            ps.setString(1, action.wire);
            ps.setArray(2, ps.getConnection().createArrayOf("bigint", accountIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    actors.put(rs.getLong(1), rs.getString(2));
                }
            }
            return null;
        });
        return actors;
    }
}
