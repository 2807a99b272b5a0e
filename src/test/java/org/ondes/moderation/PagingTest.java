package org.ondes.moderation;

import org.junit.jupiter.api.Test;
import org.ondes.web.ProblemException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PagingTest {
    @Test
    void defaultsAndBounds() {
        assertEquals(new Paging(50, 0), Paging.of(null, null));
        assertEquals(new Paging(200, 100_000), Paging.of("200", "100000"));
        for (String[] bad : new String[][]{{"0", null}, {"201", null}, {"x", null}, {null, "-1"}, {null, "100001"}}) {
            ProblemException e = assertThrows(ProblemException.class, () -> Paging.of(bad[0], bad[1]));
            assertEquals(bad[0] != null ? "limit" : "offset", e.errors().get(0).name());
        }
    }

    @Test
    void flagsAreTrueOrFalse() {
        assertTrue(Paging.flag("hidden", "true"));
        assertFalse(Paging.flag("hidden", null));
        assertFalse(Paging.flag("hidden", "false"));
        assertEquals("hidden", assertThrows(ProblemException.class, () -> Paging.flag("hidden", "1")).errors().get(0).name());
    }

    @Test
    void reasonsArePlainTextAndRequiredWhereSaid() {
        assertEquals("spam & links", Moderation.reason("  spam &amp; links\n", true));
        assertEquals(null, Moderation.reason(" ", false));
        assertEquals("reason", assertThrows(ProblemException.class, () -> Moderation.reason(" ", true)).errors().get(0).name());
        assertEquals(Moderation.MAX_REASON, Moderation.reason("x".repeat(900), true).length());
    }
}
