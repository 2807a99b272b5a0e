package org.ondes.streams;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;
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
                RETURNING id, handle
                """, ps -> {
            ps.setLong(1, a.ownerId());
            ps.setString(2, StationKey.of(a.name()));
            ps.setString(3, a.name());
            ps.setString(4, a.description());
            ps.setString(5, a.homepage());
            ps.setArray(6, ps.getConnection().createArrayOf("text", a.genres().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                UUID id = rs.getObject(1, UUID.class);
                if (rs.getString(2) == null) {
                    assignHandle(id, a.name());
                }
                return id;
            }
        });
    }

    /**
     * Gives a new station its handle: the name's slug, or the first free slug_2, slug_3, ... Stations whose names
     * share a slug queue on a lock for it, so two new stations never pick the same handle.
     */
    private void assignHandle(UUID stationId, String name) {
        String slug = StationHandles.slug(name);
        jdbc.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended('streams.handle ' || ?, 0))", ps -> {
            ps.setString(1, slug);
            ps.executeQuery().close();
            return null;
        });
        Set<String> taken = jdbc.prepareStatement("""
                SELECT handle FROM streams_stations WHERE handle = ? OR handle ~ ('^' || ? || '_[0-9]+$')
                """, ps -> {
            ps.setString(1, slug);
            ps.setString(2, slug);
            Set<String> found = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            return found;
        });
        String handle = null;
        for (int n = 1; handle == null; n++) {
            String candidate = StationHandles.candidate(slug, n);
            if (candidate.length() > StationHandles.MAX) {
                handle = "station_" + stationId.toString().replace("-", "").substring(0, 12);
            } else if (!taken.contains(candidate)) {
                handle = candidate;
            }
        }
        String chosen = handle;
        jdbc.prepareStatement("UPDATE streams_stations SET handle = ? WHERE id = ?", ps -> {
            ps.setString(1, chosen);
            ps.setObject(2, stationId);
            return ps.executeUpdate();
        });
    }
}
