package org.ondes.limits;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * The anti-abuse limits (prefix {@code ondes.limits}, ONDES_LIMITS_* in application.yml, docs/configuration.md). They
 * hold for all instances that share the database together. 0 switches a limit off.
 *
 * @param ypAddsPerMinute         YP adds per token and minute
 * @param ypLiveSessions          live sessions (streams) one token may have at once, checked at add time
 * @param ypInvalidTokensPerHour  YP requests with an unusable token per client address and hour
 * @param loginFailures           failed sign-ins per client address before each further attempt must wait
 * @param loginFirstDelaySeconds  the first wait; each further failure doubles it
 * @param loginMaxDelaySeconds    the longest wait
 * @param signupsPerHour          account registrations per client address and hour
 * @param clicksPerHour           counted radio-browser clicks per client address and hour
 * @param reportsPerHour          station reports per client address and hour
 */
@ConfigurationProperties("ondes.limits")
public record LimitsSettings(@Bindable(defaultValue = "60") int ypAddsPerMinute,
                             @Bindable(defaultValue = "100") int ypLiveSessions,
                             @Bindable(defaultValue = "30") int ypInvalidTokensPerHour,
                             @Bindable(defaultValue = "5") int loginFailures,
                             @Bindable(defaultValue = "30") int loginFirstDelaySeconds,
                             @Bindable(defaultValue = "900") int loginMaxDelaySeconds,
                             @Bindable(defaultValue = "10") int signupsPerHour,
                             @Bindable(defaultValue = "120") int clicksPerHour,
                             @Bindable(defaultValue = "5") int reportsPerHour) {
    public LimitsSettings {
        check("ONDES_LIMITS_YP_ADDS_PER_MINUTE", ypAddsPerMinute);
        check("ONDES_LIMITS_YP_LIVE_SESSIONS", ypLiveSessions);
        check("ONDES_LIMITS_YP_INVALID_TOKENS_PER_HOUR", ypInvalidTokensPerHour);
        check("ONDES_LIMITS_LOGIN_FAILURES", loginFailures);
        check("ONDES_LIMITS_SIGNUPS_PER_HOUR", signupsPerHour);
        check("ONDES_LIMITS_CLICKS_PER_HOUR", clicksPerHour);
        check("ONDES_LIMITS_REPORTS_PER_HOUR", reportsPerHour);
        if (loginFirstDelaySeconds < 1 || loginMaxDelaySeconds < loginFirstDelaySeconds) {
            throw new IllegalArgumentException("ONDES_LIMITS_LOGIN_FIRST_DELAY_SECONDS must be at least 1 and "
                    + "ONDES_LIMITS_LOGIN_MAX_DELAY_SECONDS at least as long (now " + loginFirstDelaySeconds + " and "
                    + loginMaxDelaySeconds + ")");
        }
    }

    private static void check(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be 0 (off) or more, not " + value);
        }
    }

    /** The number a counted limit allows per window; 0 = off. */
    public int max(Limit limit) {
        return switch (limit) {
            case YP_ADDS -> ypAddsPerMinute;
            case YP_INVALID_TOKENS -> ypInvalidTokensPerHour;
            case SIGNUPS -> signupsPerHour;
            case CLICKS -> clicksPerHour;
            case REPORTS -> reportsPerHour;
        };
    }

    LoginBackoff loginBackoff() {
        return new LoginBackoff(loginFailures, Duration.ofSeconds(loginFirstDelaySeconds), Duration.ofSeconds(loginMaxDelaySeconds));
    }
}
