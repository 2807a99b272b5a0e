package org.ondes.federation.remote;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;

/** SQL for fed_remote_actors. */
@Singleton
class RemoteActorStore {
    private static final String COLUMNS = "id, host, type, preferred_username, name, inbox, shared_inbox, key_id, "
            + "public_key_pem, ondes_catalog, fetched_at";
    private final JdbcOperations jdbc;

    RemoteActorStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    Optional<RemoteActor> byId(String id) {
        return one("SELECT " + COLUMNS + " FROM fed_remote_actors WHERE id = ?", id);
    }

    @Transactional
    Optional<RemoteActor> byKeyId(String keyId) {
        return one("SELECT " + COLUMNS + " FROM fed_remote_actors WHERE key_id = ? ORDER BY fetched_at DESC LIMIT 1",
                keyId);
    }

    /** Stores a fetched actor; whether it is an Ondes catalog is only ever learnt, never forgotten by a refetch. */
    @Transactional
    RemoteActor save(RemoteActor a) {
        return jdbc.prepareStatement("""
                INSERT INTO fed_remote_actors (id, host, type, preferred_username, name, inbox, shared_inbox, key_id,
                                               public_key_pem, ondes_catalog, fetched_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET host = excluded.host, type = excluded.type,
                    preferred_username = excluded.preferred_username, name = excluded.name, inbox = excluded.inbox,
                    shared_inbox = excluded.shared_inbox, key_id = excluded.key_id,
                    public_key_pem = excluded.public_key_pem,
                    ondes_catalog = fed_remote_actors.ondes_catalog OR excluded.ondes_catalog,
                    fetched_at = excluded.fetched_at
                RETURNING\s""" + COLUMNS, ps -> {
            int i = 1;
            ps.setString(i++, a.id());
            ps.setString(i++, a.host());
            ps.setString(i++, a.type());
            ps.setString(i++, a.preferredUsername());
            ps.setString(i++, a.name());
            ps.setString(i++, a.inbox());
            ps.setString(i++, a.sharedInbox());
            ps.setString(i++, a.keyId());
            ps.setString(i++, a.publicKeyPem());
            ps.setBoolean(i++, a.ondesCatalog());
            ps.setTimestamp(i, Timestamp.from(a.fetchedAt()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return row(rs);
            }
        });
    }

    @Transactional
    void markOndesCatalog(String id) {
        jdbc.prepareStatement("UPDATE fed_remote_actors SET ondes_catalog = true WHERE id = ?", ps -> {
            ps.setString(1, id);
            return ps.executeUpdate();
        });
    }

    private Optional<RemoteActor> one(String sql, String param) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        });
    }

    private static RemoteActor row(ResultSet rs) throws SQLException {
        return new RemoteActor(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getBoolean(10),
                rs.getTimestamp(11).toInstant());
    }
}
