package org.ondes.streams;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class StationKeyTest {
    @Test
    void relaysAnnouncingTheSameNameGroupTogether() {
        assertEquals(StationKey.of("Radio Ondes"), StationKey.of("  radio   ONDES "));
        assertEquals(StationKey.of("Ｒａｄｉｏ"), StationKey.of("radio"), "full-width letters fold (NFKC)");
    }

    @Test
    void differentProgramsStayApart() {
        assertNotEquals(StationKey.of("Radio Ondes"), StationKey.of("Radio Ondes 2"));
    }
}
