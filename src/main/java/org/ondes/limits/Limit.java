package org.ondes.limits;

import java.time.Duration;

/** The counted limits, each over its own window; the numbers come from {@link LimitsSettings}. */
public enum Limit {
    /** YP adds per token (key: the token id). */
    YP_ADDS("yp-adds", Duration.ofMinutes(1)),
    /** YP requests with an unknown, revoked or otherwise unusable token, per client address. */
    YP_INVALID_TOKENS("yp-invalid-token", Duration.ofHours(1)),
    /** Account registrations (the JSON API and the sign-up form), per client address. */
    SIGNUPS("signups", Duration.ofHours(1)),
    /** radio-browser click counting ({@code /json/url/{uuid}}), per client address. */
    CLICKS("clicks", Duration.ofHours(1)),
    /** Station reports (the JSON API and the station page's form), per client address. */
    REPORTS("reports", Duration.ofHours(1));

    private final String bucket;
    private final Duration window;

    Limit(String bucket, Duration window) {
        this.bucket = bucket;
        this.window = window;
    }

    /** The counter's key prefix in limits_counters. */
    String bucket() {
        return bucket;
    }

    public Duration window() {
        return window;
    }
}
