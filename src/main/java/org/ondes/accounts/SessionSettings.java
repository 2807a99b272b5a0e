package org.ondes.accounts;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Browser sessions (prefix {@code ondes.sessions}).
 *
 * @param ttl how long a browser stays signed in after signing in ({@code ONDES_SESSION_TTL}, e.g. {@code 7d},
 *            {@code 12h}); between 5 minutes and 366 days
 */
@ConfigurationProperties("ondes.sessions")
record SessionSettings(@Bindable(defaultValue = "7d") Duration ttl) {
    static final Duration MIN = Duration.ofMinutes(5);
    static final Duration MAX = Duration.ofDays(366);

    SessionSettings {
        if (ttl == null || ttl.compareTo(MIN) < 0 || ttl.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("ONDES_SESSION_TTL must be between 5m and 366d, e.g. 7d or 12h; got " + ttl);
        }
    }
}
