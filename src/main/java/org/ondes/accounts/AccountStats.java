package org.ondes.accounts;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.sql.ResultSet;

/**
 * How many people use this instance, as NodeInfo reports it: accounts that are not suspended, and those whose YP
 * tokens announced a stream in the last month and half year ("active" for a directory means streaming).
 */
@Singleton
public class AccountStats {
    public record Usage(long total, long activeMonth, long activeHalfyear) {
    }

    private final JdbcOperations jdbc;

    AccountStats(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Usage usage() {
        return jdbc.prepareStatement("""
                SELECT count(*),
                       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM yp_tokens t WHERE t.account_id = a.id
                                                      AND t.last_used_at > now() - interval '30 days')),
                       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM yp_tokens t WHERE t.account_id = a.id
                                                      AND t.last_used_at > now() - interval '180 days'))
                FROM accounts a WHERE a.suspended_at IS NULL
                """, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Usage(rs.getLong(1), rs.getLong(2), rs.getLong(3));
            }
        });
    }
}
