package org.ondes.moderation;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for mod_ban_rules and its version row. Callers provide the transaction where several statements belong together. */
@Singleton
class BanStore {
    private static final String COLUMNS = "id, kind, syntax, value, account_id, reason, created_by_name, created_at";
    private final JdbcOperations jdbc;

    BanStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the rule; empty when an identical rule exists (same kind, syntax and value). */
    Optional<BanRule> insert(BanInput in, Long accountId, Moderation.Actor actor) {
        return jdbc.prepareStatement("""
                INSERT INTO mod_ban_rules (kind, syntax, value, account_id, reason, created_by, created_by_name)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                RETURNING\s""" + COLUMNS, ps -> {
            ps.setString(1, in.kind().wire);
            ps.setString(2, in.syntax());
            ps.setString(3, in.value());
            if (accountId == null) {
                ps.setNull(4, Types.BIGINT);
            } else {
                ps.setLong(4, accountId);
            }
            ps.setString(5, in.reason());
            ps.setLong(6, actor.accountId());
            ps.setString(7, actor.username());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rule(rs)) : Optional.empty();
            }
        });
    }

    /** The identical rule that an insert ran into. */
    Optional<BanRule> same(BanInput in) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM mod_ban_rules"
                + " WHERE kind = ? AND coalesce(syntax, '') = coalesce(?, '') AND value = ?", ps -> {
            ps.setString(1, in.kind().wire);
            ps.setString(2, in.syntax());
            ps.setString(3, in.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rule(rs)) : Optional.empty();
            }
        });
    }

    Optional<BanRule> delete(long id) {
        return jdbc.prepareStatement("DELETE FROM mod_ban_rules WHERE id = ? RETURNING " + COLUMNS, ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rule(rs)) : Optional.empty();
            }
        });
    }

    /** Marks the rules changed; every instance reloads them when it sees the new version. */
    void bumpVersion() {
        jdbc.prepareStatement("UPDATE mod_ban_rules_version SET version = version + 1", ps -> ps.executeUpdate());
    }

    @Transactional
    long version() {
        return jdbc.prepareStatement("SELECT version FROM mod_ban_rules_version", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Every rule and the version they are current at, read in one statement (one snapshot). */
    @Transactional
    BanSet load() {
        return jdbc.prepareStatement("SELECT v.version, r.* FROM mod_ban_rules_version v"
                + " LEFT JOIN (SELECT " + COLUMNS + " FROM mod_ban_rules) r ON true ORDER BY r.id", ps -> {
            long version = 0;
            List<BanRule> rules = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    version = rs.getLong(1);
                    if (rs.getObject(2) != null) {
                        rules.add(rule(rs, 1));
                    }
                }
            }
            return new BanSet(version, rules);
        });
    }

    /** A page of rules, newest first, and how many there are. */
    BanRuleView.Page page(int limit, int offset) {
        long total = jdbc.prepareStatement("SELECT count(*) FROM mod_ban_rules", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        List<BanRuleView> items = jdbc.prepareStatement("SELECT " + COLUMNS
                + " FROM mod_ban_rules ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?", ps -> {
            ps.setInt(1, limit);
            ps.setInt(2, offset);
            List<BanRuleView> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(rule(rs).view(null));
                }
            }
            return list;
        });
        return new BanRuleView.Page(items, total);
    }

    /** The reasons of the rules against this account, newest first. */
    List<String> accountReasons(long accountId) {
        return jdbc.prepareStatement("SELECT reason FROM mod_ban_rules WHERE kind = 'account' AND account_id = ?"
                + " ORDER BY created_at DESC, id DESC", ps -> {
            ps.setLong(1, accountId);
            List<String> reasons = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reasons.add(rs.getString(1));
                }
            }
            return reasons;
        });
    }

    private static BanRule rule(ResultSet rs) throws SQLException {
        return rule(rs, 0);
    }

    private static BanRule rule(ResultSet rs, int k) throws SQLException {
        long account = rs.getLong(5 + k);
        Long accountId = rs.wasNull() ? null : account;
        return new BanRule(rs.getLong(1 + k), BanKind.parse(rs.getString(2 + k)), rs.getString(3 + k), rs.getString(4 + k),
                accountId, rs.getString(6 + k), rs.getString(7 + k), rs.getTimestamp(8 + k).toInstant());
    }
}
