package org.ondes.federation.delivery;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SQL of the delivery queue ({@code fed_deliveries}) and of the receiving hosts' circuits ({@code fed_hosts}). Any
 * instance on the database may claim due rows: a claim leases them (sets {@code leased_until} and moves
 * {@code next_try_at} past the lease, counts the attempt) in one short transaction, taken one instance at a time,
 * so the network send runs outside any transaction, no row is sent twice at once, and the per-host cap holds over all
 * instances. A claimed row's {@code attempts} is its lease token: settling a row whose lease ran out and was taken
 * again changes nothing. Times come from the caller's clock.
 */
@Singleton
class DeliveryStore {

    /** A claimed delivery. {@code probe}: the one delivery let through to a host whose cool-off has ended. */
    record Due(long id, String activityId, String inbox, String host, long payload, String signer, byte[] body,
               int attempts, Instant queuedAt, int notFound, boolean probe) {
    }

    private final JdbcOperations jdbc;

    DeliveryStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Queues {@code body} for each target, due at {@code now}; a target that has the activity already is skipped. The
     * bytes are stored once ({@code fed_payloads}), however many inboxes get them.
     */
    @Transactional
    int insert(String activityId, byte[] body, String signer, List<InboxTarget> targets, Instant now) {
        long payload = jdbc.prepareStatement("""
                INSERT INTO fed_payloads (activity_id, signer, body, created_at) VALUES (?, ?, ?, ?) RETURNING id
                """, ps -> {
            ps.setString(1, activityId);
            ps.setString(2, signer);
            ps.setBytes(3, body);
            ps.setObject(4, at(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        int queued = jdbc.prepareStatement("""
                INSERT INTO fed_deliveries (activity_id, inbox, host, payload_id, next_try_at, created_at)
                SELECT ?, t.inbox, t.host, ?, ?, ? FROM unnest(?::text[], ?::text[]) AS t (inbox, host)
                ON CONFLICT (activity_id, inbox) DO NOTHING
                """, ps -> {
            ps.setString(1, activityId);
            ps.setLong(2, payload);
            ps.setObject(3, at(now));
            ps.setObject(4, at(now));
            ps.setArray(5, texts(ps, targets.stream().map(InboxTarget::inbox).toList()));
            ps.setArray(6, texts(ps, targets.stream().map(InboxTarget::host).toList()));
            return ps.executeUpdate();
        });
        if (queued == 0) { // every target has the activity queued already
            dropPayloads(List.of(payload));
        }
        return queued;
    }

    /**
     * Leases up to {@code limit} due deliveries for {@code lease}: not to hosts whose circuit is open, not more per
     * host than {@link CircuitRule#concurrency} minus what is in flight to it already (on any instance), the hosts
     * taking turns. A host whose cool-off is over gets one probe, and stays closed to others until it is settled.
     */
    @Transactional
    List<Due> claim(int limit, Instant now, Duration lease) {
        Instant until = now.plus(lease);
        jdbc.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended('federation.delivery claim', 0))",
                PreparedStatement::execute);
        List<Claimed> claimed = jdbc.prepareStatement("""
                WITH busy AS (
                    SELECT host, count(*) AS n FROM fed_deliveries WHERE leased_until > ? GROUP BY host
                ), due AS (
                    SELECT d.id, d.next_try_at, COALESCE(h.consecutive_failures, 0) >= ? AS probe,
                           CASE WHEN h.consecutive_failures = 0 AND h.last_success_at IS NOT NULL THEN ? ELSE ? END
                               - COALESCE(b.n, 0) AS room,
                           row_number() OVER (PARTITION BY d.host ORDER BY d.next_try_at, d.id) AS turn
                    FROM fed_deliveries d
                    LEFT JOIN fed_hosts h ON h.host = d.host
                    LEFT JOIN busy b ON b.host = d.host
                    WHERE d.next_try_at <= ? AND (h.open_until IS NULL OR h.open_until <= ?)
                ), picked AS (
                    SELECT d.id, due.probe FROM due JOIN fed_deliveries d ON d.id = due.id
                    WHERE due.turn <= due.room
                    ORDER BY due.turn, due.next_try_at, due.id
                    LIMIT ?
                    FOR UPDATE OF d SKIP LOCKED
                )
                UPDATE fed_deliveries d SET attempts = d.attempts + 1, next_try_at = ?, leased_until = ?
                FROM picked p WHERE d.id = p.id
                RETURNING d.id, d.activity_id, d.inbox, d.host, d.payload_id, d.attempts, d.created_at,
                          d.not_found, p.probe
                """, ps -> {
            ps.setObject(1, at(now));
            ps.setInt(2, CircuitRule.THRESHOLD);
            ps.setInt(3, CircuitRule.concurrency(0, true));
            ps.setInt(4, CircuitRule.concurrency(0, false));
            ps.setObject(5, at(now));
            ps.setObject(6, at(now));
            ps.setInt(7, limit);
            ps.setObject(8, at(until));
            ps.setObject(9, at(until));
            List<Claimed> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Claimed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getLong(5), rs.getInt(6), rs.getObject(7, OffsetDateTime.class).toInstant(),
                            rs.getInt(8), rs.getBoolean(9)));
                }
            }
            return out;
        });
        List<Due> due = withPayloads(claimed);
        Set<String> probed = new LinkedHashSet<>();
        due.stream().filter(Due::probe).forEach(d -> probed.add(d.host()));
        if (!probed.isEmpty()) {
            jdbc.prepareStatement("UPDATE fed_hosts SET open_until = ? WHERE host = ANY (?::text[])", ps -> {
                ps.setObject(1, at(until));
                ps.setArray(2, texts(ps, List.copyOf(probed)));
                return ps.executeUpdate();
            });
        }
        return due;
    }

    /** A claimed row, before its payload is read. */
    private record Claimed(long id, String activityId, String inbox, String host, long payload, int attempts,
                           Instant queuedAt, int notFound, boolean probe) {
    }

    /** The claimed rows with their payloads, each payload read once however many of the rows share it. */
    private List<Due> withPayloads(List<Claimed> claimed) {
        if (claimed.isEmpty()) {
            return List.of();
        }
        record Payload(String signer, byte[] body) {
        }
        Map<Long, Payload> payloads = jdbc.prepareStatement(
                "SELECT id, signer, body FROM fed_payloads WHERE id = ANY (?::bigint[])", ps -> {
                    ps.setArray(1, ids(ps, claimed.stream().map(Claimed::payload).distinct().toList()));
                    Map<Long, Payload> found = new HashMap<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.put(rs.getLong(1), new Payload(rs.getString(2), rs.getBytes(3)));
                        }
                    }
                    return found;
                });
        return claimed.stream().map(c -> {
            Payload p = payloads.get(c.payload()); // a queued row's payload stays until the row goes (foreign key)
            return new Due(c.id(), c.activityId(), c.inbox(), c.host(), c.payload(), p.signer(), p.body(),
                    c.attempts(), c.queuedAt(), c.notFound(), c.probe());
        }).toList();
    }

    /** Removes those of {@code payloads} that no queued delivery needs any more. */
    private void dropPayloads(List<Long> payloads) {
        jdbc.prepareStatement("""
                DELETE FROM fed_payloads p WHERE p.id = ANY (?::bigint[])
                AND NOT EXISTS (SELECT 1 FROM fed_deliveries d WHERE d.payload_id = p.id)
                """, ps -> {
            ps.setArray(1, ids(ps, payloads));
            return ps.executeUpdate();
        });
    }

    /**
     * Removes the payloads no queued delivery needs. Settling the last delivery of a payload removes it, but two
     * instances settling its last two deliveries at once each still see the other's row; an enqueue's payload and
     * deliveries become visible together, so none is removed before its deliveries are queued.
     */
    @Transactional
    int sweepPayloads() {
        return jdbc.prepareStatement("""
                DELETE FROM fed_payloads p WHERE NOT EXISTS (SELECT 1 FROM fed_deliveries d WHERE d.payload_id = p.id)
                """, PreparedStatement::executeUpdate);
    }

    /**
     * What to write after one attempt: with {@code next}, the delivery is tried again then; without, it is removed
     * (sent, gone, dropped or given up). {@code host} is what the attempt told about the receiving host.
     */
    record Settlement(Due due, Instant next, Integer status, String error, boolean notFound, Outcome.Host host) {
    }

    /**
     * Writes the outcomes of several attempts in one transaction: the deliveries removed or put back (unless their
     * lease ran out and another claim took them), then each host's circuit, the outcomes of one host in order.
     */
    @Transactional
    void settle(List<Settlement> batch, CircuitRule circuit, Instant now) {
        List<Settlement> removed = batch.stream().filter(s -> s.next() == null).toList();
        List<Settlement> retried = batch.stream().filter(s -> s.next() != null).toList();
        if (!removed.isEmpty()) {
            jdbc.prepareStatement("""
                    DELETE FROM fed_deliveries d USING unnest(?::bigint[], ?::int[]) AS u (id, attempts)
                    WHERE d.id = u.id AND d.attempts = u.attempts
                    """, ps -> {
                ps.setArray(1, ids(ps, removed.stream().map(s -> s.due().id()).toList()));
                ps.setArray(2, ps.getConnection().createArrayOf("integer", removed.stream().map(s -> s.due().attempts()).toArray()));
                return ps.executeUpdate();
            });
            dropPayloads(removed.stream().map(s -> s.due().payload()).distinct().toList());
        }
        if (!retried.isEmpty()) {
            jdbc.prepareStatement("""
                    UPDATE fed_deliveries d SET next_try_at = u.next, leased_until = NULL, last_status = u.status,
                           last_error = u.error, not_found = d.not_found + u.not_found
                    FROM unnest(?::bigint[], ?::int[], ?::text[]::timestamptz[], ?::int[], ?::text[], ?::int[])
                         AS u (id, attempts, next, status, error, not_found)
                    WHERE d.id = u.id AND d.attempts = u.attempts
                    """, ps -> {
                java.sql.Connection c = ps.getConnection();
                ps.setArray(1, ids(ps, retried.stream().map(s -> s.due().id()).toList()));
                ps.setArray(2, c.createArrayOf("integer", retried.stream().map(s -> s.due().attempts()).toArray()));
                ps.setArray(3, c.createArrayOf("text", retried.stream().map(s -> s.next().toString()).toArray()));
                ps.setArray(4, c.createArrayOf("integer", retried.stream().map(Settlement::status).toArray()));
                ps.setArray(5, c.createArrayOf("text", retried.stream().map(Settlement::error).toArray()));
                ps.setArray(6, c.createArrayOf("integer", retried.stream().map(s -> s.notFound() ? 1 : 0).toArray()));
                return ps.executeUpdate();
            });
        }
        Map<String, List<Settlement>> byHost = new LinkedHashMap<>();
        batch.forEach(s -> byHost.computeIfAbsent(s.due().host(), h -> new ArrayList<>()).add(s));
        List<String> up = new ArrayList<>();
        byHost.forEach((host, settled) -> {
            boolean plain = settled.stream().allMatch(s -> s.host() == Outcome.Host.UP
                    || (s.host() == Outcome.Host.UNKNOWN && !s.due().probe()));
            if (plain) {
                if (settled.stream().anyMatch(s -> s.host() == Outcome.Host.UP)) {
                    up.add(host);
                }
            } else {
                circuit(host, settled, circuit, now);
            }
        });
        if (!up.isEmpty()) {
            hostsUp(up, now);
        }
    }

    /** A host with failures (or a probe) among the outcomes: its circuit, worked out in order from its stored state. */
    private void circuit(String host, List<Settlement> settled, CircuitRule circuit, Instant now) {
        jdbc.prepareStatement("INSERT INTO fed_hosts (host) VALUES (?) ON CONFLICT (host) DO NOTHING", ps -> {
            ps.setString(1, host);
            return ps.executeUpdate();
        });
        CircuitRule.Host state = jdbc.prepareStatement(
                "SELECT consecutive_failures, open_until FROM fed_hosts WHERE host = ? FOR UPDATE", ps -> {
                    ps.setString(1, host);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        OffsetDateTime open = rs.getObject(2, OffsetDateTime.class);
                        return new CircuitRule.Host(rs.getInt(1), open == null ? null : open.toInstant());
                    }
                });
        boolean succeeded = false;
        String failure = null;
        for (Settlement s : settled) {
            switch (s.host()) {
                case UP -> {
                    state = circuit.afterSuccess();
                    succeeded = true;
                }
                case DOWN -> {
                    state = circuit.afterFailure(state, s.due().probe());
                    failure = s.error();
                }
                case UNKNOWN -> {
                    if (s.due().probe() && circuit.open(state)) { // nothing learnt: the next delivery may probe
                        state = new CircuitRule.Host(state.failures(), now);
                    }
                }
            }
        }
        CircuitRule.Host after = state;
        boolean ok = succeeded;
        String error = failure;
        jdbc.prepareStatement("""
                UPDATE fed_hosts SET consecutive_failures = ?, open_until = ?,
                       last_success_at = CASE WHEN ? THEN ? ELSE last_success_at END,
                       last_failure_at = CASE WHEN ? THEN ? ELSE last_failure_at END,
                       last_error = COALESCE(?, last_error)
                WHERE host = ?
                """, ps -> {
            ps.setInt(1, after.failures());
            ps.setObject(2, after.openUntil() == null ? null : at(after.openUntil()), Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setBoolean(3, ok);
            ps.setObject(4, at(now));
            ps.setBoolean(5, error != null);
            ps.setObject(6, at(now));
            ps.setString(7, error);
            ps.setString(8, host);
            return ps.executeUpdate();
        });
    }

    /** Hosts that answered: their circuits close. Written only when that changes something, or once a minute. */
    private void hostsUp(List<String> hosts, Instant now) {
        jdbc.prepareStatement("""
                INSERT INTO fed_hosts AS h (host, last_success_at) SELECT u.host, ? FROM unnest(?::text[]) AS u (host)
                ON CONFLICT (host) DO UPDATE SET consecutive_failures = 0, open_until = NULL,
                       last_success_at = EXCLUDED.last_success_at
                WHERE h.consecutive_failures > 0 OR h.open_until IS NOT NULL OR h.last_success_at IS NULL
                   OR h.last_success_at < EXCLUDED.last_success_at - interval '1 minute'
                """, ps -> {
            ps.setObject(1, at(now));
            ps.setArray(2, texts(ps, hosts));
            return ps.executeUpdate();
        });
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Array ids(PreparedStatement ps, List<Long> values) throws SQLException {
        return ps.getConnection().createArrayOf("bigint", values.toArray());
    }

    private static Array texts(PreparedStatement ps, List<String> values) throws SQLException {
        return ps.getConnection().createArrayOf("text", values.toArray(new String[0]));
    }
}
