package org.ondes.limits;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class LoginBackoffTest {
    private static final LoginBackoff DEFAULTS = new LoginBackoff(5, Duration.ofSeconds(30), Duration.ofMinutes(15));

    @Test
    void theFirstFailuresAreFreeThenEachOneDoublesTheWaitUpToTheMaximum() {
        for (int i = 0; i <= 5; i++) {
            assertEquals(Duration.ZERO, DEFAULTS.delayAfter(i), i + " failures");
        }
        assertEquals(Duration.ofSeconds(30), DEFAULTS.delayAfter(6));
        assertEquals(Duration.ofSeconds(60), DEFAULTS.delayAfter(7));
        assertEquals(Duration.ofSeconds(120), DEFAULTS.delayAfter(8));
        assertEquals(Duration.ofSeconds(480), DEFAULTS.delayAfter(10));
        assertEquals(Duration.ofMinutes(15), DEFAULTS.delayAfter(11));
        assertEquals(Duration.ofMinutes(15), DEFAULTS.delayAfter(1_000_000), "no overflow");
    }

    @Test
    void failuresAreForgottenAfterAnHourOrTwiceTheLongestWait() {
        assertEquals(Duration.ofHours(1), DEFAULTS.forgetAfter());
        assertEquals(Duration.ofHours(4), new LoginBackoff(5, Duration.ofSeconds(30), Duration.ofHours(2)).forgetAfter());
    }

    @Test
    void zeroFreeFailuresSwitchesDelaysOff() {
        LoginBackoff off = new LoginBackoff(0, Duration.ofSeconds(30), Duration.ofMinutes(15));
        assertFalse(off.enabled());
        assertEquals(Duration.ZERO, off.delayAfter(100));
    }
}
