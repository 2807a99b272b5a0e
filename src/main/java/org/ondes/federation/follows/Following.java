package org.ondes.federation.follows;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.ondes.federation.remote.ActorDocumentParser;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Whom this instance's actor follows (other Ondes instances, added by admins): pending until accepted. */
@Singleton
public class Following {
    /**
     * One follow of the instance actor.
     *
     * @param target what the admin typed (a domain, an actor URL or a handle)
     * @param state  {@code pending} (Follow sent), {@code accepted} or {@code rejected}
     */
    public record Follow(long id, String target, String actor, String followId, String state, String createdBy,
                         Instant createdAt, Instant updatedAt) {
    }

    private static final String COLUMNS = "id, target, remote_actor, follow_id, state, created_by, created_at, updated_at";
    private final JdbcOperations jdbc;

    Following(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public long countAccepted() {
        return jdbc.prepareStatement("SELECT count(*) FROM fed_following WHERE state = 'accepted'", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Records a new pending follow; empty when this actor is followed already (the existing one stays). */
    @Transactional
    Optional<Follow> add(String target, String actor, String followId, String by) {
        return jdbc.prepareStatement("INSERT INTO fed_following (target, remote_actor, follow_id, created_by) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT (remote_actor) DO NOTHING RETURNING " + COLUMNS, ps -> {
            ps.setString(1, target);
            ps.setString(2, actor);
            ps.setString(3, followId);
            ps.setString(4, by);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        });
    }

    @Transactional
    public Optional<Follow> byActor(String actor) {
        return one("SELECT " + COLUMNS + " FROM fed_following WHERE remote_actor = ?", actor);
    }

    @Transactional
    public Optional<Follow> byId(long id) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM fed_following WHERE id = ?", ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        });
    }

    /**
     * The remote actor answered our Follow: by its id, or (servers that do not embed or name it) by who was
     * followed. Only the followed actor itself can answer. True when a follow changed state.
     */
    @Transactional
    public boolean answered(String remoteActor, String followId, boolean accepted) {
        return jdbc.prepareStatement("""
                UPDATE fed_following SET state = ?, updated_at = now()
                WHERE remote_actor = ? AND (follow_id = ? OR ? IS NULL) AND state <> ?
                """, ps -> {
            String state = accepted ? "accepted" : "rejected";
            ps.setString(1, state);
            ps.setString(2, remoteActor);
            ps.setString(3, followId);
            ps.setString(4, followId);
            ps.setString(5, state);
            return ps.executeUpdate();
        }) > 0;
    }

    @Transactional
    boolean delete(long id) {
        return jdbc.prepareStatement("DELETE FROM fed_following WHERE id = ?", ps -> {
            ps.setLong(1, id);
            return ps.executeUpdate();
        }) > 0;
    }

    @Transactional
    public List<Follow> list() {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM fed_following ORDER BY created_at DESC, id DESC", ps -> {
            List<Follow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        });
    }

    /**
     * Whether the instance follows an actor on this host (host[:port], as {@code ActorDocumentParser.authority}
     * gives it) and it accepted: that instance's live streams are wanted.
     */
    @Transactional
    public boolean acceptedOnHost(String authority) {
        return list().stream().anyMatch(f -> f.state().equals("accepted")
                && ActorDocumentParser.authority(f.actor()).filter(authority::equals).isPresent());
    }

    /** Whether the instance follows this actor and it accepted: its catalog activities are wanted. */
    @Transactional
    public boolean accepted(String remoteActor) {
        return byActor(remoteActor).filter(f -> f.state().equals("accepted")).isPresent();
    }

    private Optional<Follow> one(String sql, String param) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        });
    }

    private static Follow row(ResultSet rs) throws SQLException {
        return new Follow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant());
    }
}
