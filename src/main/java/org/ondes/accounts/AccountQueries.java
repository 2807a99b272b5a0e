package org.ondes.accounts;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL on accounts beyond plain CRUD: the first-account lock, standing, roles, suspension, lists. Callers provide the transaction. */
@Singleton
class AccountQueries {
    private static final String SUMMARY = "id, username, role, created_at, suspended_at, suspension_reason";

    private final JdbcOperations jdbc;

    AccountQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    boolean anyAccount() {
        return jdbc.prepareStatement("SELECT EXISTS (SELECT 1 FROM accounts)", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
    }

    /** Serialises registrations on an empty instance until the transaction ends, so exactly one becomes admin. */
    void lockFirstAccount() {
        jdbc.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended('ondes: first account', 0))", ps -> {
            ps.executeQuery().close();
            return null;
        });
    }

    /** The account if it may act now (exists, is not suspended, does not wait for approval), with its name and role. */
    Optional<Accounts.Principal> standing(long id) {
        return jdbc.prepareStatement("""
                SELECT id, username, role FROM accounts WHERE id = ? AND suspended_at IS NULL AND pending_since IS NULL
                """, ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Accounts.Principal(rs.getLong(1), rs.getString(2), rs.getString(3)))
                        : Optional.empty();
            }
        });
    }

    Optional<AccountSummary> find(String username) {
        return jdbc.prepareStatement("SELECT " + SUMMARY + " FROM accounts WHERE username = ?", ps -> {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(summary(rs)) : Optional.empty();
            }
        });
    }

    /** Locks every admin that can act (in id order, so concurrent role changes serialise) and returns their ids. */
    List<Long> lockAdmins() {
        return jdbc.prepareStatement("""
                SELECT id FROM accounts WHERE role = 'admin' AND suspended_at IS NULL ORDER BY id FOR UPDATE
                """, ps -> {
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
    }

    void setRole(long id, Role role) {
        jdbc.prepareStatement("UPDATE accounts SET role = ? WHERE id = ?", ps -> {
            ps.setString(1, role.wire());
            ps.setLong(2, id);
            return ps.executeUpdate();
        });
    }

    /** Suspends the account (keeping the first suspension time) with the given reason. */
    void suspend(long id, String reason) {
        jdbc.prepareStatement("""
                UPDATE accounts SET suspended_at = coalesce(suspended_at, now()), suspension_reason = ? WHERE id = ?
                """, ps -> {
            ps.setString(1, reason);
            ps.setLong(2, id);
            return ps.executeUpdate();
        });
    }

    void unsuspend(long id) {
        jdbc.prepareStatement("UPDATE accounts SET suspended_at = NULL, suspension_reason = NULL WHERE id = ?", ps -> {
            ps.setLong(1, id);
            return ps.executeUpdate();
        });
    }

    long count(boolean suspendedOnly) {
        return jdbc.prepareStatement("SELECT count(*) FROM accounts" + (suspendedOnly ? " WHERE suspended_at IS NOT NULL" : ""),
                ps -> {
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
    }

    /** Suspended accounts (latest suspension first) or all accounts (newest first). */
    List<AccountSummary> page(boolean suspendedOnly, int limit, int offset) {
        String sql = "SELECT " + SUMMARY + " FROM accounts"
                + (suspendedOnly ? " WHERE suspended_at IS NOT NULL ORDER BY suspended_at DESC, id" : " ORDER BY created_at DESC, id DESC")
                + " LIMIT ? OFFSET ?";
        return jdbc.prepareStatement(sql, ps -> {
            ps.setInt(1, limit);
            ps.setInt(2, offset);
            List<AccountSummary> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(summary(rs));
                }
            }
            return list;
        });
    }

    /** Whether the account waits for approval; locks its row until the transaction ends. */
    boolean isPending(long id) {
        return jdbc.prepareStatement("SELECT pending_since IS NOT NULL FROM accounts WHERE id = ? FOR UPDATE", ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        });
    }

    /** Accounts waiting for approval, oldest first. */
    List<PendingAccount> pending(int limit, int offset) {
        return jdbc.prepareStatement("""
                SELECT id, username, created_at FROM accounts WHERE pending_since IS NOT NULL
                ORDER BY pending_since, id LIMIT ? OFFSET ?
                """, ps -> {
            ps.setInt(1, limit);
            ps.setInt(2, offset);
            List<PendingAccount> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new PendingAccount(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()));
                }
            }
            return list;
        });
    }

    long countPending() {
        return jdbc.prepareStatement("SELECT count(*) FROM accounts WHERE pending_since IS NOT NULL", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    void approve(long id) {
        jdbc.prepareStatement("UPDATE accounts SET pending_since = NULL WHERE id = ?", ps -> {
            ps.setLong(1, id);
            return ps.executeUpdate();
        });
    }

    /** Deletes the account only while it still waits for approval. */
    void deletePending(long id) {
        jdbc.prepareStatement("DELETE FROM accounts WHERE id = ? AND pending_since IS NOT NULL", ps -> {
            ps.setLong(1, id);
            return ps.executeUpdate();
        });
    }

    Map<Long, String> usernames(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        jdbc.prepareStatement("SELECT id, username FROM accounts WHERE id = ANY (?)", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.put(rs.getLong(1), rs.getString(2));
                }
            }
            return null;
        });
        return names;
    }

    private static AccountSummary summary(ResultSet rs) throws SQLException {
        Timestamp suspended = rs.getTimestamp(5);
        return new AccountSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                suspended == null ? null : suspended.toInstant(), rs.getString(6));
    }
}
