package org.ondes.catalog;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Search SQL over the catalog read model: filters from bound parameters only; text and the equality filters through
 * one GIN-indexed tsvector (prefix matching, weighted name > genres > song > description; {@link FilterTerms}), keyset
 * pagination on (sort key, station id).
 */
@Singleton
class CatalogSearch {

    private static final String COLUMNS = "e.station_id, e.name, e.description, e.homepage, e.genres, e.codecs,"
            + " e.https, e.listeners, e.current_song, e.live_since, e.language, e.country, e.sessions::text, e.logo_url";

    private final JdbcOperations jdbc;
    private final CatalogStore store;

    CatalogSearch(JdbcOperations jdbc, CatalogStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    private static final class Sql {
        final StringBuilder where = new StringBuilder(" WHERE true");
        final List<Object> params = new ArrayList<>();

        void and(String clause, Object... values) {
            where.append(" AND ").append(clause);
            params.addAll(Arrays.asList(values));
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    CatalogPage search(StreamQuery q) {
        String ts = q.tsQuery();
        Sql filters = filters(q, ts);
        String key = keyExpression(q.order());
        boolean descending = q.order().descendingByDefault() != q.reverse();
        String from = " FROM catalog_entries e" + (ts != null ? ", to_tsquery('simple', ?) AS tsq(query)" : "");
        List<Object> params = new ArrayList<>();
        if (q.order() == StreamQuery.Order.RANDOM) {
            params.add(q.seed()); // the key expression in the SELECT list comes first
        }
        if (ts != null) {
            params.add(ts);
        }
        // First pages (no cursor) get the exact total from the same scan, as a window over every match.
        boolean windowTotal = q.cursor() == null;
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + ", " + key + " AS k"
                + (windowTotal ? ", count(*) OVER () AS total" : ""))
                .append(from).append(filters.where);
        params.addAll(filters.params);
        if (q.cursor() != null) {
            sql.append(" AND (").append(key).append(", e.station_id) ").append(descending ? "<" : ">")
                    .append(" (").append(cursorPlaceholder(q.order())).append(", ?)");
            if (q.order() == StreamQuery.Order.RANDOM) {
                params.add(q.seed());
            }
            params.add(cursorValue(q.order(), q.cursor().key()));
            params.add(q.cursor().id());
        }
        String dir = descending ? " DESC" : " ASC";
        sql.append(" ORDER BY k").append(dir).append(", e.station_id").append(dir).append(" LIMIT ?");
        params.add(q.limit() + 1);
        if (q.offset() > 0 && q.cursor() == null) {
            sql.append(" OFFSET ?");
            params.add(q.offset());
        }
        List<CatalogEntry> items = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        long[] total = {-1};
        jdbc.prepareStatement(sql.toString(), ps -> {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(entry(rs));
                    keys.add(keyText(q.order(), rs));
                    if (windowTotal) {
                        total[0] = rs.getLong("total");
                    }
                }
            }
            return null;
        });
        if (windowTotal && items.isEmpty() && q.offset() == 0) {
            total[0] = 0; // nothing matched at all
        }
        String next = null;
        if (items.size() > q.limit()) {
            items.remove(items.size() - 1);
            int last = items.size() - 1;
            next = new Cursor(q.order(), q.reverse(), q.seed(), keys.get(last), items.get(last).id()).encode();
        }
        return new CatalogPage(List.copyOf(items), total[0] >= 0 ? total[0] : count(ts, filters), next);
    }

    /** The live entries among {@code ids}, in the order asked for; ids that are not live are left out. */
    @Transactional(Transactional.TxType.SUPPORTS)
    List<CatalogEntry> byIds(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, CatalogEntry> found = new HashMap<>();
        jdbc.prepareStatement("SELECT " + COLUMNS + " FROM catalog_entries e WHERE e.station_id = ANY(?)", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    CatalogEntry e = entry(rs);
                    found.put(e.id(), e);
                }
            }
            return null;
        });
        return ids.stream().distinct().map(found::get).filter(Objects::nonNull).toList();
    }

    private long count(String ts, Sql filters) {
        String sql = "SELECT count(*) FROM catalog_entries e" + (ts != null ? ", to_tsquery('simple', ?) AS tsq(query)" : "")
                + filters.where;
        List<Object> params = new ArrayList<>();
        if (ts != null) {
            params.add(ts);
        }
        params.addAll(filters.params);
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static Sql filters(StreamQuery q, String ts) {
        Sql s = new Sql();
        String terms = FilterTerms.query(q);
        if (ts != null && terms != null) {
            s.and("e.search @@ (tsq.query && ?::tsquery)", terms);
        } else if (ts != null) {
            s.and("e.search @@ tsq.query");
        } else if (terms != null) {
            s.and("e.search @@ ?::tsquery", terms);
        }
        if (q.bitrateMin() != null) {
            s.and("e.bitrate >= ?", q.bitrateMin());
        }
        if (q.bitrateMax() != null) {
            s.and("e.bitrate <= ?", q.bitrateMax());
        }
        if (q.country() != null) {
            s.and("e.country = ?", q.country());
        }
        if (q.https() != null) {
            s.and("e.https = ?", q.https());
        }
        return s;
    }

    private static String keyExpression(StreamQuery.Order order) {
        return switch (order) {
            case LISTENERS -> "e.listeners";
            case NAME -> "lower(e.name)";
            case BITRATE -> "coalesce(e.bitrate, -1)";
            case LIVE_SINCE -> "e.live_since";
            case RANDOM -> "md5(e.station_id::text || ?)";
            case RELEVANCE -> "ts_rank_cd(e.search, tsq.query)";
        };
    }

    private static String cursorPlaceholder(StreamQuery.Order order) {
        return switch (order) {
            case RELEVANCE -> "?::real";
            case LIVE_SINCE -> "?::timestamptz";
            default -> "?";
        };
    }

    private static Object cursorValue(StreamQuery.Order order, String key) {
        try {
            return switch (order) {
                case LISTENERS, BITRATE -> Long.parseLong(key);
                case LIVE_SINCE -> Timestamp.from(Instant.parse(key));
                case RELEVANCE -> Float.parseFloat(key);
                default -> key;
            };
        } catch (RuntimeException e) {
            throw org.ondes.web.ProblemException.badRequest("cursor", "is not a cursor this server issued");
        }
    }

    private static String keyText(StreamQuery.Order order, ResultSet rs) throws SQLException {
        return switch (order) {
            case LISTENERS, BITRATE -> Long.toString(rs.getLong("k"));
            case LIVE_SINCE -> rs.getTimestamp("k").toInstant().toString();
            case RELEVANCE -> Float.toString(rs.getFloat("k"));
            default -> rs.getString("k");
        };
    }

    private CatalogEntry entry(ResultSet rs) throws SQLException {
        List<CatalogEntry.Session> sessions = store.readSessions(rs.getString(13));
        CatalogEntry.Session primary = sessions.get(0);
        Integer maxListeners = 0;
        for (CatalogEntry.Session s : sessions) {
            maxListeners = maxListeners == null || s.maxListeners() == null ? null : maxListeners + s.maxListeners();
        }
        return new CatalogEntry(rs.getObject(1, UUID.class), rs.getString(2), strings(rs.getArray(5)), rs.getString(3),
                rs.getString(4), primary.listenUrl(), sessions.stream().map(CatalogEntry.Session::listenUrl).toList(),
                primary.contentType(), primary.codec(), strings(rs.getArray(6)), primary.bitrate(), primary.samplerate(),
                primary.channels(), rs.getString(9), rs.getInt(8), maxListeners, rs.getBoolean(7), rs.getString(11),
                rs.getString(12), rs.getString(14), rs.getTimestamp(10).toInstant(), sessions);
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

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object v = params.get(i);
            if (v instanceof String[] arr) {
                ps.setArray(i + 1, ps.getConnection().createArrayOf("text", arr));
            } else {
                ps.setObject(i + 1, v);
            }
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
