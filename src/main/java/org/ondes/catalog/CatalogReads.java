package org.ondes.catalog;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * SQL reads of the catalog read model: single entries, facets, the version, and what the in-memory search index
 * ({@link SearchIndexSync}) loads: everything at once, or the entries changed after a version.
 */
@Singleton
class CatalogReads {

    private static final String COLUMNS = "e.station_id, e.name, e.description, e.homepage, e.genres, e.codecs,"
            + " e.https, e.listeners, e.current_song, e.live_since, e.language, e.country, e.sessions::text, e.logo_url,"
            + " e.origin, e.origin_url";
    /** What the search index needs beyond the served entry. */
    private static final String INDEX_COLUMNS = COLUMNS + ", e.content_types, e.bitrate";

    private final JdbcOperations jdbc;
    private final CatalogStore store;

    CatalogReads(JdbcOperations jdbc, CatalogStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    private CatalogEntry entry(ResultSet rs) throws SQLException {
        return entry(rs, 0);
    }

    /** Maps {@link #COLUMNS} found from column {@code 1 + k} on. */
    private CatalogEntry entry(ResultSet rs, int k) throws SQLException {
        List<CatalogEntry.Session> sessions = store.readSessions(rs.getString(13 + k));
        CatalogEntry.Session primary = sessions.get(0);
        Integer maxListeners = 0;
        for (CatalogEntry.Session s : sessions) {
            maxListeners = maxListeners == null || s.maxListeners() == null ? null : maxListeners + s.maxListeners();
        }
        return new CatalogEntry(rs.getObject(1 + k, UUID.class), rs.getString(2 + k), strings(rs.getArray(5 + k)),
                rs.getString(3 + k), rs.getString(4 + k), primary.listenUrl(),
                sessions.stream().map(CatalogEntry.Session::listenUrl).toList(), primary.contentType(), primary.codec(),
                strings(rs.getArray(6 + k)), primary.bitrate(), primary.samplerate(), primary.channels(),
                rs.getString(9 + k), rs.getInt(8 + k), maxListeners, rs.getBoolean(7 + k), rs.getString(11 + k),
                rs.getString(12 + k), rs.getString(14 + k), rs.getTimestamp(10 + k).toInstant(), sessions,
                rs.getString(15 + k), rs.getString(16 + k));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    java.util.Optional<CatalogEntry> entry(UUID stationId) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM catalog_entries e WHERE e.station_id = ?", ps -> {
            ps.setObject(1, stationId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.Optional.of(entry(rs)) : java.util.Optional.empty();
            }
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    List<CatalogFacet> facet(String column) {
        String sql = "SELECT v, count(*) FROM catalog_entries, unnest(" + column + ") AS v GROUP BY v ORDER BY count(*) DESC, v LIMIT 1000";
        return jdbc.prepareStatement(sql, ps -> {
            List<CatalogFacet> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CatalogFacet(rs.getString(1), rs.getLong(2)));
                }
            }
            return out;
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    CatalogVersion version() {
        return jdbc.prepareStatement("SELECT version, changed_at FROM catalog_meta", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new CatalogVersion(rs.getLong(1), rs.getTimestamp(2).toInstant());
            }
        });
    }

    /** The catalog at one version: every entry and the version they are current at, read in one snapshot. */
    record Snapshot(CatalogVersion version, List<IndexedEntry> entries) {
    }

    /** The stations changed after a version, up to {@code version}; {@code prunedThrough} tells if the log is complete. */
    record Changes(CatalogVersion version, long prunedThrough, Set<UUID> stations) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Snapshot snapshot() {
        // one statement, so one snapshot: the version matches the rows exactly
        return jdbc.prepareStatement("SELECT m.version, m.changed_at, " + INDEX_COLUMNS
                + " FROM catalog_meta m LEFT JOIN catalog_entries e ON true", ps -> {
            ps.setFetchSize(1_000);
            List<IndexedEntry> entries = new ArrayList<>();
            CatalogVersion version = null;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    version = version != null ? version : new CatalogVersion(rs.getLong(1), rs.getTimestamp(2).toInstant());
                    if (rs.getObject(3) != null) {
                        entries.add(indexed(rs, 2));
                    }
                }
            }
            return new Snapshot(version, entries);
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Changes changesAfter(long after) {
        return jdbc.prepareStatement("""
                SELECT m.version, m.changed_at, m.changes_pruned_through, c.station_id
                FROM catalog_meta m
                LEFT JOIN LATERAL (SELECT DISTINCT station_id FROM catalog_changes
                                   WHERE version > ? AND version <= m.version) c ON true
                """, ps -> {
            ps.setLong(1, after);
            Set<UUID> stations = new HashSet<>();
            CatalogVersion version = null;
            long pruned = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    version = new CatalogVersion(rs.getLong(1), rs.getTimestamp(2).toInstant());
                    pruned = rs.getLong(3);
                    UUID id = rs.getObject(4, UUID.class);
                    if (id != null) {
                        stations.add(id);
                    }
                }
            }
            return new Changes(version, pruned, stations);
        });
    }

    /** The current entries of these stations (those no longer in the catalog are absent). */
    @Transactional(Transactional.TxType.SUPPORTS)
    List<IndexedEntry> indexed(Collection<UUID> stations) {
        if (stations.isEmpty()) {
            return List.of();
        }
        return jdbc.prepareStatement("SELECT " + INDEX_COLUMNS + " FROM catalog_entries e WHERE e.station_id = ANY(?)", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("uuid", stations.toArray()));
            List<IndexedEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(indexed(rs, 0));
                }
            }
            return out;
        });
    }

    private IndexedEntry indexed(ResultSet rs, int shift) throws SQLException {
        CatalogEntry e = entry(rs, shift);
        Integer bitrate = rs.getObject(18 + shift) == null ? null : rs.getInt(18 + shift);
        return IndexedEntry.of(e, strings(rs.getArray(17 + shift)), bitrate, store.json(e));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
