package org.ondes.federation;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.net.IDN;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Domains moderators cut off from federation, both ways: requests from them are refused (403) and nothing is sent to
 * or fetched from them. A blocked domain covers its subdomains. Checked on every inbox request and delivery, so the
 * set is kept in memory and reread from the database at most every {@link #REFRESH_NANOS} (several instances share
 * the table; a block reaches all of them within that time).
 */
@Singleton
public class DomainBlocks {
    static final long REFRESH_NANOS = TimeUnit.SECONDS.toNanos(2);

    public record Block(String domain, String reason, String createdBy, Instant createdAt) {
    }

    private final JdbcOperations jdbc;
    private volatile Set<String> domains;
    private volatile long loadedAt;

    DomainBlocks(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Whether a host (a name or address, with or without {@code :port}) falls under a blocked domain. Names are
     * compared in their ASCII form, without case and without a trailing dot.
     */
    public boolean blocks(String host) {
        String h = normalise(host);
        if (h == null) {
            return false;
        }
        Set<String> blocked = current();
        if (blocked.isEmpty()) {
            return false;
        }
        for (String d = h; ; ) {
            if (blocked.contains(d)) {
                return true;
            }
            int dot = d.indexOf('.');
            if (dot < 0) {
                return false;
            }
            d = d.substring(dot + 1);
        }
    }

    /** A host as blocks are kept: ASCII, lower case, no port, no trailing dot; null when unusable. */
    public static String normalise(String host) {
        if (host == null) {
            return null;
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end > 0 ? h.substring(0, end + 1) : null;
        }
        int colon = h.lastIndexOf(':');
        if (colon >= 0 && h.indexOf(':') == colon && h.substring(colon + 1).matches("[0-9]{1,5}")) {
            h = h.substring(0, colon); // host:port
        }
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.isEmpty()) {
            return null;
        }
        try {
            return IDN.toASCII(h, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Transactional
    public List<Block> list() {
        return jdbc.prepareStatement("SELECT domain, reason, created_by_name, created_at FROM fed_domain_blocks "
                + "ORDER BY created_at DESC, domain", ps -> {
            List<Block> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Block(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant()));
                }
            }
            return out;
        });
    }

    /** Adds a block (idempotent: the first reason stays); true when it is new. */
    @Transactional
    public boolean block(String domain, String reason, String by) {
        int added = jdbc.prepareStatement("INSERT INTO fed_domain_blocks (domain, reason, created_by_name) "
                + "VALUES (?, ?, ?) ON CONFLICT (domain) DO NOTHING", ps -> {
            ps.setString(1, domain);
            ps.setString(2, reason);
            ps.setString(3, by);
            return ps.executeUpdate();
        });
        loadedAt = 0;
        return added > 0;
    }

    @Transactional
    public boolean unblock(String domain) {
        int removed = jdbc.prepareStatement("DELETE FROM fed_domain_blocks WHERE domain = ?", ps -> {
            ps.setString(1, domain);
            return ps.executeUpdate();
        });
        loadedAt = 0;
        return removed > 0;
    }

    private Set<String> current() {
        Set<String> d = domains;
        long now = System.nanoTime();
        if (d == null || now - loadedAt > REFRESH_NANOS) {
            d = load();
            domains = d;
            loadedAt = now;
        }
        return d;
    }

    @Transactional
    Set<String> load() {
        return jdbc.prepareStatement("SELECT domain FROM fed_domain_blocks", ps -> {
            Set<String> out = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return Set.copyOf(out);
        });
    }
}
