package org.ondes.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * A ban rule as moderators see it.
 *
 * @param kind          host, ip, name or account
 * @param value         the host or {@code *.domain}, the address or range, the name pattern, or the user name
 * @param syntax        glob or regex for name rules, else null
 * @param reason        what the affected streamer is told
 * @param endedSessions set only in the answer that created the rule: how many live streams it ended at once
 */
@Serdeable
public record BanRuleView(long id, String kind, String value, @Nullable String syntax, String reason, String createdBy,
                          Instant createdAt, @Nullable Integer endedSessions) {
    @Serdeable
    public record Page(List<BanRuleView> items, long total) {
    }
}
