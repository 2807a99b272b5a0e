package org.ondes.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * SQL for accounts_admin_setup, on a plain connection: the shell command has no application context, the server
 * passes the connection of its transaction. Callers provide the transaction.
 */
final class AdminSetupStore {
    private AdminSetupStore() {
    }

    /** Whether an admin who can act exists: not suspended, not waiting for approval. */
    static boolean adminExists(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT EXISTS (SELECT 1 FROM accounts
                               WHERE role = 'admin' AND suspended_at IS NULL AND pending_since IS NULL)
                """); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    static void insert(Connection c, byte[] tokenHash, Duration validFor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO accounts_admin_setup (token_hash, expires_at) VALUES (?, now() + make_interval(secs => ?))
                """)) {
            ps.setBytes(1, tokenHash);
            ps.setLong(2, validFor.toSeconds());
            ps.executeUpdate();
        }
    }

    /** Whether the link is unused and not expired (without using it). */
    static boolean usable(Connection c, byte[] tokenHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT 1 FROM accounts_admin_setup WHERE token_hash = ? AND used_at IS NULL AND expires_at > now()
                """)) {
            ps.setBytes(1, tokenHash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Uses the link if it is usable (one conditional UPDATE: of two concurrent uses, one wins); its id. */
    static Optional<Long> take(Connection c, byte[] tokenHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE accounts_admin_setup SET used_at = now()
                WHERE token_hash = ? AND used_at IS NULL AND expires_at > now() RETURNING id
                """)) {
            ps.setBytes(1, tokenHash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    static void usedBy(Connection c, long id, long accountId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE accounts_admin_setup SET used_by = ? WHERE id = ?")) {
            ps.setLong(1, accountId);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }
}
