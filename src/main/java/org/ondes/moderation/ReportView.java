package org.ondes.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A listener's report as moderators see it.
 *
 * @param stationName    the station's name when it was reported
 * @param reason         spam, broken_stream, illegal_content, abusive_metadata or other
 * @param text           what the listener wrote (plain text), or null
 * @param state          open, resolved or dismissed
 * @param openForStation how many reports of this station are open now
 * @param closedBy       who resolved or dismissed it, with {@code closedAt} and {@code note}
 */
@Serdeable
public record ReportView(long id, UUID stationId, String stationName, String reason, @Nullable String text,
                         String state, Instant createdAt, long openForStation, @Nullable Instant closedAt,
                         @Nullable String closedBy, @Nullable String note) {
    @Serdeable
    public record Page(List<ReportView> items, long total) {
    }

    /** What a reporter gets back: the report was received (nothing about other reports or the queue). */
    @Serdeable
    public record Receipt(UUID stationId, String reason, Instant receivedAt) {
    }
}
