package org.ondes.accounts;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for yp_tokens. Callers provide the transaction. */
@Singleton
class TokenStore {
    record Row(long id, String label, String hint, Instant createdAt, Instant lastUsedAt, Instant validFrom, Instant validUntil) {
    }

    private final JdbcOperations jdbc;

    TokenStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long accountId, String label, byte[] hash, String hint) {
        return jdbc.prepareStatement("""
                INSERT INTO yp_tokens (account_id, label, token_hash, token_hint) VALUES (?, ?, ?, ?) RETURNING id
                """, ps -> {
            ps.setLong(1, accountId);
            ps.setString(2, label);
            ps.setBytes(3, hash);
            ps.setString(4, hint);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    int countActive(long accountId) {
        return jdbc.prepareStatement("SELECT count(*) FROM yp_tokens WHERE account_id = ? AND revoked_at IS NULL", ps -> {
            ps.setLong(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    List<Row> listActive(long accountId) {
        return jdbc.prepareStatement("""
                SELECT id, label, token_hint, created_at, last_used_at, valid_from, valid_until
                FROM yp_tokens WHERE account_id = ? AND revoked_at IS NULL ORDER BY id
                """, ps -> {
            ps.setLong(1, accountId);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs, 4), instant(rs, 5),
                            instant(rs, 6), instant(rs, 7)));
                }
            }
            return rows;
        });
    }

    boolean revoke(long accountId, long tokenId) {
        return jdbc.prepareStatement("""
                UPDATE yp_tokens SET revoked_at = now() WHERE id = ? AND account_id = ? AND revoked_at IS NULL
                """, ps -> {
            ps.setLong(1, tokenId);
            ps.setLong(2, accountId);
            return ps.executeUpdate() == 1;
        });
    }

    Optional<TokenGrant> findGrant(byte[] hash) {
        return jdbc.prepareStatement("""
                SELECT t.id, t.account_id,
                       t.revoked_at IS NOT NULL,
                       t.valid_from IS NOT NULL AND t.valid_from > now(),
                       t.valid_until IS NOT NULL AND t.valid_until <= now(),
                       a.suspended_at IS NOT NULL
                FROM yp_tokens t JOIN accounts a ON a.id = t.account_id
                WHERE t.token_hash = ?
                """, ps -> {
            ps.setBytes(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                TokenGrant.Status status = TokenGrant.Status.ACTIVE;
                if (rs.getBoolean(3)) {
                    status = TokenGrant.Status.REVOKED;
                } else if (rs.getBoolean(6)) {
                    status = TokenGrant.Status.ACCOUNT_SUSPENDED;
                } else if (rs.getBoolean(4)) {
                    status = TokenGrant.Status.NOT_YET_VALID;
                } else if (rs.getBoolean(5)) {
                    status = TokenGrant.Status.EXPIRED;
                }
                return Optional.of(new TokenGrant(rs.getLong(1), rs.getLong(2), status));
            }
        });
    }

    void markUsed(long[] tokenIds) {
        jdbc.prepareStatement("""
                UPDATE yp_tokens SET last_used_at = now()
                WHERE id = ANY (?) AND (last_used_at IS NULL OR last_used_at < now() - interval '30 seconds')
                """, ps -> {
            Long[] boxed = new Long[tokenIds.length];
            for (int i = 0; i < tokenIds.length; i++) {
                boxed[i] = tokenIds[i];
            }
            Array array = ps.getConnection().createArrayOf("bigint", boxed);
            ps.setArray(1, array);
            return ps.executeUpdate();
        });
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
