package org.ondes.federation.delivery;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CircuitRuleTest {
    private static final Instant NOW = Instant.parse("2025-11-01T09:00:00Z");
    private final CircuitRule rule = new CircuitRule(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void fourFailuresInARowKeepTheCircuitClosedTheFifthOpensItForAMinute() {
        CircuitRule.Host host = CircuitRule.Host.HEALTHY;
        for (int i = 1; i < CircuitRule.THRESHOLD; i++) {
            host = rule.afterFailure(host, false);
            assertEquals(i, host.failures());
            assertNull(host.openUntil());
            assertFalse(rule.open(host));
        }
        host = rule.afterFailure(host, false);
        assertEquals(NOW.plus(Duration.ofMinutes(1)), host.openUntil());
        assertTrue(rule.open(host));
    }

    @Test
    void eachFailedProbeLengthensTheCoolOffUpToAnHour() {
        CircuitRule.Host host = new CircuitRule.Host(CircuitRule.THRESHOLD, NOW.minusSeconds(1));
        assertFalse(rule.open(host), "the cool-off is over: a probe may go");
        long[] minutes = {5, 15, 30, 60, 60, 60};
        for (long m : minutes) {
            host = rule.afterFailure(host, true);
            assertEquals(NOW.plus(Duration.ofMinutes(m)), host.openUntil());
        }
    }

    @Test
    void failuresOfDeliveriesAlreadyUnderWayDoNotLengthenAnOpenCircuit() {
        CircuitRule.Host open = new CircuitRule.Host(CircuitRule.THRESHOLD, NOW.plus(Duration.ofMinutes(1)));
        assertEquals(open, rule.afterFailure(open, false));
    }

    @Test
    void anAnswerClosesTheCircuit() {
        assertEquals(CircuitRule.Host.HEALTHY, rule.afterSuccess());
        assertFalse(rule.open(rule.afterSuccess()));
    }

    @Test
    void aHostThatAnswersGetsTwoDeliveriesAtOnceANewOrFailingOneOne() {
        assertEquals(2, CircuitRule.concurrency(0, true));
        assertEquals(1, CircuitRule.concurrency(0, false), "not heard from yet");
        assertEquals(1, CircuitRule.concurrency(1, true));
        assertEquals(1, CircuitRule.concurrency(7, true));
    }
}
