package org.ondes.catalog;

import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** SQL writes of the catalog read model. Callers provide the transaction. */
@Singleton
class CatalogStore {
    private static final Argument<List<CatalogEntry.Session>> SESSIONS = Argument.listOf(CatalogEntry.Session.class);
    private final JdbcOperations jdbc;
    private final JsonMapper json;

    CatalogStore(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Serialises projections of the same stations across instances (ids locked in a fixed order). */
    void lock(Collection<UUID> stationIds) {
        jdbc.prepareStatement("""
                SELECT count(pg_advisory_xact_lock(hashtextextended(id::text, 7)))
                FROM (SELECT unnest(?::uuid[]) AS id ORDER BY 1) ids
                """, ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("uuid", stationIds.toArray()));
            ps.executeQuery().close();
            return null;
        });
    }

    /**
     * Inserts or updates rows, marking them checked; a row equal to what is stored is left alone. Returns the stations
     * whose rows changed.
     */
    Set<UUID> upsert(List<Projected> rows) {
        if (rows.isEmpty()) {
            return Set.of();
        }
        // one statement for the whole pass: per-row executions cost PostgreSQL several times the row's own work
        return jdbc.prepareStatement("""
                INSERT INTO catalog_entries (station_id, name, description, homepage, genres, codecs, content_types, bitrate,
                    language, country, logo_url, https, listeners, current_song, live_since, last_touch, sessions,
                    origin, origin_url, updated_at)
                SELECT station_id, name, description, homepage, genres, codecs, content_types, bitrate, language, country,
                    logo_url, https, listeners, current_song, live_since, last_touch, sessions, origin, origin_url, now()
                FROM jsonb_to_recordset(?::jsonb) AS r(station_id uuid, name text, description text, homepage text,
                    genres text[], codecs text[], content_types text[], bitrate integer, language text, country text,
                    logo_url text, https boolean, listeners integer, current_song text, live_since timestamptz,
                    last_touch timestamptz, sessions jsonb, origin text, origin_url text)
                ON CONFLICT (station_id) DO UPDATE SET name = excluded.name, description = excluded.description,
                    homepage = excluded.homepage, genres = excluded.genres, codecs = excluded.codecs,
                    content_types = excluded.content_types, bitrate = excluded.bitrate, language = excluded.language,
                    country = excluded.country, logo_url = excluded.logo_url, https = excluded.https, listeners = excluded.listeners, current_song = excluded.current_song,
                    live_since = excluded.live_since, last_touch = excluded.last_touch, sessions = excluded.sessions,
                    origin = excluded.origin, origin_url = excluded.origin_url, updated_at = now(), checked_at = now()
                WHERE (catalog_entries.name, catalog_entries.description, catalog_entries.homepage, catalog_entries.genres,
                       catalog_entries.codecs, catalog_entries.content_types, catalog_entries.bitrate,
                       catalog_entries.language, catalog_entries.country, catalog_entries.logo_url,
                       catalog_entries.https, catalog_entries.listeners,
                       catalog_entries.current_song, catalog_entries.live_since, catalog_entries.sessions,
                       catalog_entries.origin, catalog_entries.origin_url)
                      IS DISTINCT FROM
                      (excluded.name, excluded.description, excluded.homepage, excluded.genres, excluded.codecs,
                       excluded.content_types, excluded.bitrate, excluded.language, excluded.country, excluded.logo_url,
                       excluded.https, excluded.listeners,
                       excluded.current_song, excluded.live_since, excluded.sessions, excluded.origin,
                       excluded.origin_url)
                RETURNING station_id
                """, ps -> {
            ps.setString(1, recordset(rows));
            Set<UUID> changed = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    changed.add(rs.getObject(1, UUID.class));
                }
            }
            return changed;
        });
    }

    /** Records that these entries were just re-projected (whether or not anything changed). */
    void checked(Collection<UUID> stationIds) {
        if (stationIds.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("UPDATE catalog_entries SET checked_at = now() WHERE station_id = ANY (?)", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("uuid", stationIds.toArray()));
            return ps.executeUpdate();
        });
    }

    int delete(Collection<UUID> stationIds) {
        if (stationIds.isEmpty()) {
            return 0;
        }
        return jdbc.prepareStatement("DELETE FROM catalog_entries WHERE station_id = ANY (?)", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("uuid", stationIds.toArray()));
            return ps.executeUpdate();
        });
    }

    void bumpVersion() {
        jdbc.prepareStatement("UPDATE catalog_meta SET version = version + 1, changed_at = now()", ps -> ps.executeUpdate());
    }

    /**
     * Bumps the version and logs these stations as changed at it, for the search index of every instance
     * ({@link SearchIndexSync}). The row lock on catalog_meta, held to commit, makes versions commit in order.
     */
    void bumpVersion(Collection<UUID> changedStations) {
        jdbc.prepareStatement("""
                WITH v AS (UPDATE catalog_meta SET version = version + 1, changed_at = now() RETURNING version)
                INSERT INTO catalog_changes (version, station_id) SELECT v.version, s FROM v, unnest(?::uuid[]) AS s
                """, ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("uuid", changedStations.toArray()));
            return ps.executeUpdate();
        });
    }

    /** Drops change-log rows older than {@code keep}; instances that had not read them yet will reload. */
    int pruneChanges(java.time.Duration keep) {
        return jdbc.prepareStatement("""
                WITH gone AS (DELETE FROM catalog_changes WHERE created_at < now() - make_interval(secs => ?) RETURNING version),
                     top AS (SELECT max(version) AS v, count(*) AS n FROM gone)
                UPDATE catalog_meta SET changes_pruned_through = greatest(changes_pruned_through, top.v)
                FROM top WHERE top.v IS NOT NULL RETURNING top.n
                """, ps -> {
            ps.setDouble(1, keep.toSeconds());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    /**
     * Records new titles in one statement, in order: a title that repeats the station's previous one (relays announce
     * the same song) is skipped, whether that previous one is earlier in this batch or already stored.
     */
    int addSongs(List<CatalogWriter.Song> songs) {
        if (songs.isEmpty()) {
            return 0;
        }
        return jdbc.prepareStatement("""
                WITH n AS (
                    SELECT station_id, song, at, ord, lag(song) OVER (PARTITION BY station_id ORDER BY ord) AS previous
                    FROM unnest(?::uuid[], ?::text[], ?::timestamptz[]) WITH ORDINALITY AS n(station_id, song, at, ord))
                INSERT INTO catalog_song_history (station_id, song, started_at)
                SELECT station_id, song, at FROM n
                WHERE CASE WHEN previous IS NOT NULL THEN previous <> song
                           ELSE NOT EXISTS (SELECT 1 FROM (SELECT h.song FROM catalog_song_history h WHERE h.station_id = n.station_id
                                                           ORDER BY h.started_at DESC LIMIT 1) last WHERE last.song = n.song) END
                ORDER BY ord
                """, ps -> {
            Connection c = ps.getConnection();
            ps.setArray(1, c.createArrayOf("uuid", songs.stream().map(CatalogWriter.Song::stationId).toArray()));
            ps.setArray(2, c.createArrayOf("text", songs.stream().map(CatalogWriter.Song::song).toArray()));
            ps.setArray(3, c.createArrayOf("timestamptz", songs.stream().map(s -> Timestamp.from(s.at())).toArray()));
            return ps.executeUpdate();
        });
    }

    Set<UUID> stationIds() {
        return jdbc.prepareStatement("SELECT station_id FROM catalog_entries", ps -> {
            Set<UUID> ids = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        });
    }

    /** The entries re-projected longest ago, so a periodic pass eventually re-checks everything. */
    List<UUID> stalest(int limit) {
        return jdbc.prepareStatement("SELECT station_id FROM catalog_entries ORDER BY checked_at LIMIT ?", ps -> {
            ps.setInt(1, limit);
            List<UUID> ids = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        });
    }

    /** The rows as one JSON array of objects, keyed by column (read back by {@code jsonb_to_recordset}). */
    private String recordset(List<Projected> rows) {
        List<Map<String, Object>> out = new ArrayList<>(rows.size());
        for (Projected p : rows) {
            Map<String, Object> r = new HashMap<>(32);
            r.put("station_id", p.stationId().toString());
            r.put("name", p.name());
            r.put("description", p.description());
            r.put("homepage", p.homepage());
            r.put("genres", p.genres());
            r.put("codecs", p.codecs());
            r.put("content_types", p.contentTypes());
            r.put("bitrate", p.bitrate());
            r.put("language", p.language());
            r.put("country", p.country());
            r.put("logo_url", p.logoUrl());
            r.put("https", p.https());
            r.put("listeners", p.listeners());
            r.put("current_song", p.currentSong());
            r.put("live_since", p.liveSince().toString());
            r.put("last_touch", p.lastTouch().toString());
            r.put("sessions", p.sessions()); // nested as JSON, not a string to parse twice
            r.put("origin", p.origin());
            r.put("origin_url", p.originUrl());
            out.add(r);
        }
        try {
            return json.writeValueAsString(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entry as the search API renders it. */
    byte[] json(CatalogEntry entry) {
        try {
            return json.writeValueAsBytes(entry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<CatalogEntry.Session> readSessions(String raw) {
        try {
            return json.readValue(raw, SESSIONS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
