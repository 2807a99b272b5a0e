package org.ondes.streams;

import java.time.Instant;

/** What is known about a SID that a touch or remove did not match (used to explain the refusal). */
public record SidStatus(boolean exists, boolean sameToken, Instant endedAt, String endReason) {
    public static final SidStatus UNKNOWN = new SidStatus(false, false, null, null);
}
