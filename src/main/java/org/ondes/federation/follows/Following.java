package org.ondes.federation.follows;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.sql.ResultSet;

/** Whom this instance's actor follows (other Ondes instances, added by admins): pending until accepted. */
@Singleton
public class Following {
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
}
