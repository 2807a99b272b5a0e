package org.ondes.federation.follows;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who follows our actors. A local actor is named as its key row is: {@code instance} for the instance actor, the
 * station's id for a station. Following twice is one follow (the latest Follow id is kept, since Undo may name it).
 */
@Singleton
public class Followers {
    public static final String INSTANCE = "instance";

    /** A follower and where deliveries for it go. */
    public record Follower(String actor, String inbox, boolean ondesCatalog) {
    }

    private final JdbcOperations jdbc;

    Followers(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the follow; the remote actor must be stored already. */
    @Transactional
    public void add(String localActor, String remoteActor, String followId) {
        jdbc.prepareStatement("""
                INSERT INTO fed_followers (local_actor, remote_actor, follow_id) VALUES (?, ?, ?)
                ON CONFLICT (local_actor, remote_actor) DO UPDATE SET follow_id = excluded.follow_id
                """, ps -> {
            ps.setString(1, localActor);
            ps.setString(2, remoteActor);
            ps.setString(3, followId);
            return ps.executeUpdate();
        });
    }

    /** Ends the follow this Follow id made (only its own actor may undo it); true when there was one. */
    @Transactional
    public boolean removeByFollow(String remoteActor, String followId) {
        return jdbc.prepareStatement("DELETE FROM fed_followers WHERE remote_actor = ? AND follow_id = ?", ps -> {
            ps.setString(1, remoteActor);
            ps.setString(2, followId);
            return ps.executeUpdate();
        }) > 0;
    }

    /** Ends the remote actor's follow of one local actor; true when there was one. */
    @Transactional
    public boolean remove(String localActor, String remoteActor) {
        return jdbc.prepareStatement("DELETE FROM fed_followers WHERE local_actor = ? AND remote_actor = ?", ps -> {
            ps.setString(1, localActor);
            ps.setString(2, remoteActor);
            return ps.executeUpdate();
        }) > 0;
    }

    /** Ends every follow of an actor that was deleted, or whose inbox answered 410 Gone. */
    @Transactional
    public int removeActor(String remoteActor) {
        return jdbc.prepareStatement("DELETE FROM fed_followers WHERE remote_actor = ?", ps -> {
            ps.setString(1, remoteActor);
            return ps.executeUpdate();
        });
    }

    /** Ends every follow whose deliveries go to this inbox (personal or shared): it answered 410 Gone. */
    @Transactional
    public int removeByInbox(String inbox) {
        return jdbc.prepareStatement("""
                DELETE FROM fed_followers f USING fed_remote_actors a
                WHERE a.id = f.remote_actor AND (a.inbox = ? OR a.shared_inbox = ?)
                """, ps -> {
            ps.setString(1, inbox);
            ps.setString(2, inbox);
            return ps.executeUpdate();
        });
    }

    @Transactional
    public long count(String localActor) {
        return jdbc.prepareStatement("SELECT count(*) FROM fed_followers WHERE local_actor = ?", ps -> {
            ps.setString(1, localActor);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** How many follows the stations have (every station actor together), and from how many remote actors. */
    public record StationFollows(long follows, long actors) {
    }

    @Transactional
    public StationFollows stationFollows() {
        return jdbc.prepareStatement("SELECT count(*), count(DISTINCT remote_actor) FROM fed_followers "
                + "WHERE local_actor <> ?", ps -> {
            ps.setString(1, INSTANCE);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new StationFollows(rs.getLong(1), rs.getLong(2));
            }
        });
    }

    /** A follower of one local actor, as admins list them. */
    public record Listed(String actor, boolean ondesCatalog, java.time.Instant since) {
    }

    /** Who follows one local actor, newest first. */
    @Transactional
    public List<Listed> listOf(String localActor) {
        return jdbc.prepareStatement("""
                SELECT f.remote_actor, a.ondes_catalog, f.created_at
                FROM fed_followers f JOIN fed_remote_actors a ON a.id = f.remote_actor
                WHERE f.local_actor = ? ORDER BY f.created_at DESC
                """, ps -> {
            ps.setString(1, localActor);
            List<Listed> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Listed(rs.getString(1), rs.getBoolean(2), rs.getTimestamp(3).toInstant()));
                }
            }
            return out;
        });
    }

    /** The followers of these local actors, one entry per remote actor. */
    @Transactional
    public List<Follower> of(Set<String> localActors) {
        return jdbc.prepareStatement("""
                SELECT DISTINCT a.id, coalesce(a.shared_inbox, a.inbox), a.ondes_catalog
                FROM fed_followers f JOIN fed_remote_actors a ON a.id = f.remote_actor
                WHERE f.local_actor = ANY (?)
                """, ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("text", localActors.toArray()));
            List<Follower> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Follower(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
                }
            }
            return out;
        });
    }

    /** The distinct inboxes (shared where there is one) of a list of followers. */
    public static Set<String> inboxes(List<Follower> followers) {
        Set<String> out = new LinkedHashSet<>();
        followers.forEach(f -> out.add(f.inbox()));
        return out;
    }
}
