package org.ondes.streams;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.UUID;

/** SQL for streams_stations. Callers provide the transaction. */
@Singleton
class StationStore {
    private final JdbcOperations jdbc;

    StationStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Finds or creates the owner's station for this name and refreshes what Icecast announced about it. */
    UUID upsert(Announcement a) {
        return jdbc.prepareStatement("""
                INSERT INTO streams_stations (owner_id, name_key, name, description, homepage, genres)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (owner_id, name_key) DO UPDATE
                   SET name = excluded.name, description = excluded.description, homepage = excluded.homepage,
                       genres = excluded.genres, updated_at = now()
                RETURNING id
                """, ps -> {
            ps.setLong(1, a.ownerId());
            ps.setString(2, StationKey.of(a.name()));
            ps.setString(3, a.name());
            ps.setString(4, a.description());
            ps.setString(5, a.homepage());
            ps.setArray(6, ps.getConnection().createArrayOf("text", a.genres().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        });
    }
}
