package org.ondes.accounts;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** SQL for accounts_sessions (browser sign-ins). Callers provide the transaction. */
@Singleton
class WebSessionStore {
    /** How often last_seen_at is written for a session in use. */
    static final Duration SEEN_EVERY = Duration.ofMinutes(1);

    private final JdbcOperations jdbc;

    WebSessionStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long accountId, byte[] tokenHash, String csrfToken, String userAgent, Duration ttl) {
        return jdbc.prepareStatement("""
                INSERT INTO accounts_sessions (account_id, token_hash, csrf_token, user_agent, expires_at)
                VALUES (?, ?, ?, ?, now() + make_interval(secs => ?)) RETURNING id
                """, ps -> {
            ps.setLong(1, accountId);
            ps.setBytes(2, tokenHash);
            ps.setString(3, csrfToken);
            ps.setString(4, userAgent);
            ps.setLong(5, ttl.toSeconds());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The live session with this token hash, with its account's current name and role (none if it is suspended). */
    Optional<WebSessions.Current> find(byte[] tokenHash) {
        return jdbc.prepareStatement("""
                SELECT s.id, s.account_id, a.username, a.role, s.csrf_token, s.last_seen_at
                FROM accounts_sessions s JOIN accounts a ON a.id = s.account_id
                WHERE s.token_hash = ? AND s.expires_at > now() AND a.suspended_at IS NULL AND a.pending_since IS NULL
                """, ps -> {
            ps.setBytes(1, tokenHash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Timestamp seen = rs.getTimestamp(6);
                if (seen.toInstant().isBefore(Instant.now().minus(SEEN_EVERY))) {
                    seen(rs.getLong(1));
                }
                return Optional.of(new WebSessions.Current(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)));
            }
        });
    }

    private void seen(long id) {
        jdbc.prepareStatement("UPDATE accounts_sessions SET last_seen_at = now() WHERE id = ?", ps -> {
            ps.setLong(1, id);
            return ps.executeUpdate();
        });
    }

    int delete(byte[] tokenHash) {
        return jdbc.prepareStatement("DELETE FROM accounts_sessions WHERE token_hash = ?", ps -> {
            ps.setBytes(1, tokenHash);
            return ps.executeUpdate();
        });
    }

    int endAllOf(long accountId) {
        return jdbc.prepareStatement("DELETE FROM accounts_sessions WHERE account_id = ?", ps -> {
            ps.setLong(1, accountId);
            return ps.executeUpdate();
        });
    }

    int purgeExpired() {
        return jdbc.prepareStatement("""
                DELETE FROM accounts_sessions WHERE id IN (
                    SELECT id FROM accounts_sessions WHERE expires_at <= now() LIMIT 5000)
                """, ps -> ps.executeUpdate());
    }
}
