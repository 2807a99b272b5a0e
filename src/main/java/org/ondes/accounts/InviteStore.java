package org.ondes.accounts;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** SQL for accounts_invites. Callers provide the transaction. */
@Singleton
class InviteStore {
    /** An invitation as stored, with the accounts created with it (oldest first). */
    record Row(long id, String note, String createdBy, int maxUses, int uses, Instant expiresAt, Instant createdAt,
               Instant revokedAt, List<String> usedBy, InviteState state) {
    }

    /** A use just taken: the invitation and who made it (null when that account is gone). */
    record Use(long inviteId, Long createdBy) {
    }

    private static final String ROW = """
            SELECT i.id, i.note, i.created_by_name, i.max_uses, i.uses, i.expires_at, i.created_at, i.revoked_at,
                   coalesce((SELECT array_agg(a.username ORDER BY a.id) FROM accounts a WHERE a.invite_id = i.id),
                            '{}'::text[]),
                   now()
            FROM accounts_invites i
            """;

    private final JdbcOperations jdbc;

    InviteStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    long insert(byte[] codeHash, long creatorId, String creatorName, InviteTerms terms) {
        return jdbc.prepareStatement("""
                INSERT INTO accounts_invites (code_hash, created_by, created_by_name, note, max_uses, expires_at)
                VALUES (?, ?, ?, ?, ?, now() + make_interval(secs => ?)) RETURNING id
                """, ps -> {
            ps.setBytes(1, codeHash);
            ps.setLong(2, creatorId);
            ps.setString(3, creatorName);
            ps.setString(4, terms.note());
            ps.setInt(5, terms.maxUses());
            ps.setLong(6, terms.validFor().toSeconds());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * Takes one use of the invitation if it is usable now. One conditional UPDATE: concurrent sign-ups with the same
     * code queue on its row, and each re-checks the count after the one before it committed.
     */
    Optional<Use> take(byte[] codeHash) {
        return jdbc.prepareStatement("""
                UPDATE accounts_invites SET uses = uses + 1
                WHERE code_hash = ? AND revoked_at IS NULL AND expires_at > now() AND uses < max_uses
                RETURNING id, created_by
                """, ps -> {
            ps.setBytes(1, codeHash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Use(rs.getLong(1), (Long) rs.getObject(2))) : Optional.empty();
            }
        });
    }

    /** The state of the invitation with this code hash; empty when there is none. */
    Optional<InviteState> state(byte[] codeHash) {
        return jdbc.prepareStatement("SELECT revoked_at IS NOT NULL, expires_at, uses, max_uses, now() "
                + "FROM accounts_invites WHERE code_hash = ?", ps -> {
            ps.setBytes(1, codeHash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(InviteState.of(rs.getBoolean(1), rs.getTimestamp(2).toInstant(), rs.getInt(3),
                        rs.getInt(4), rs.getTimestamp(5).toInstant()));
            }
        });
    }

    Optional<Row> find(long id) {
        return jdbc.prepareStatement(ROW + " WHERE i.id = ?", ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        });
    }

    /** Newest first. */
    List<Row> page(int limit, int offset) {
        return jdbc.prepareStatement(ROW + " ORDER BY i.created_at DESC, i.id DESC LIMIT ? OFFSET ?", ps -> {
            ps.setInt(1, limit);
            ps.setInt(2, offset);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
            return rows;
        });
    }

    long count() {
        return jdbc.prepareStatement("SELECT count(*) FROM accounts_invites", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Revokes the invitation unless it is already revoked; false when there was nothing to revoke. */
    boolean revoke(long id) {
        return jdbc.prepareStatement("UPDATE accounts_invites SET revoked_at = now() WHERE id = ? AND revoked_at IS NULL",
                ps -> {
                    ps.setLong(1, id);
                    return ps.executeUpdate() == 1;
                });
    }

    private static Row row(ResultSet rs) throws SQLException {
        Instant expires = rs.getTimestamp(6).toInstant();
        Timestamp revoked = rs.getTimestamp(8);
        List<String> usedBy = Arrays.asList((String[]) rs.getArray(9).getArray());
        InviteState state = InviteState.of(revoked != null, expires, rs.getInt(5), rs.getInt(4),
                rs.getTimestamp(10).toInstant());
        return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5), expires,
                rs.getTimestamp(7).toInstant(), revoked == null ? null : revoked.toInstant(), usedBy, state);
    }
}
