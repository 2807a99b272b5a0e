package org.ondes.limits;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LimitsSettingsTest {
    private static LimitsSettings settings(int adds, int first, int max) {
        return new LimitsSettings(adds, 100, 30, 5, first, max, 10, 120, 5);
    }

    @Test
    void eachCountedLimitHasItsNumber() {
        LimitsSettings s = new LimitsSettings(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertEquals(1, s.max(Limit.YP_ADDS));
        assertEquals(3, s.max(Limit.YP_INVALID_TOKENS));
        assertEquals(7, s.max(Limit.SIGNUPS));
        assertEquals(8, s.max(Limit.CLICKS));
        assertEquals(9, s.max(Limit.REPORTS));
    }

    @Test
    void nonsenseIsRefusedAtStartNamingTheVariable() {
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> settings(-1, 30, 900));
        assertTrue(negative.getMessage().contains("ONDES_LIMITS_YP_ADDS_PER_MINUTE"), negative.getMessage());
        assertThrows(IllegalArgumentException.class, () -> settings(1, 0, 900));
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class, () -> settings(1, 60, 30));
        assertTrue(order.getMessage().contains("ONDES_LIMITS_LOGIN_MAX_DELAY_SECONDS"), order.getMessage());
    }
}
