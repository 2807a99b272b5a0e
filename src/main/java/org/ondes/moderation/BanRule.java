package org.ondes.moderation;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * A stored ban rule (mod_ban_rules).
 *
 * @param syntax    glob or regex for name rules, else null
 * @param value     the normalised host pattern, range, name pattern, or the account's user name
 * @param accountId the banned account for account rules, else null
 */
record BanRule(long id, BanKind kind, @Nullable String syntax, String value, @Nullable Long accountId, String reason,
               String createdBy, Instant createdAt) {

    /** How the rule reads in the moderation log and lists: "host *.example.net", "name regex ^spam". */
    String subject() {
        return kind.wire + (syntax == null ? "" : " " + syntax) + " " + value;
    }

    BanRuleView view(@Nullable Integer endedSessions) {
        return new BanRuleView(id, kind.wire, value, syntax, reason, createdBy, createdAt, endedSessions);
    }
}
