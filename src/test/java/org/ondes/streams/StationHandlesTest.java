package org.ondes.streams;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StationHandlesTest {
    @Test
    void namesBecomeLowerCaseAsciiWithUnderscores() {
        assertEquals("radio_tele_o_24_7", StationHandles.slug("Radio Télé Ö 24/7"));
        assertEquals("toplap_live_coding", StationHandles.slug("  TOPLAP -- Live Coding!! "));
        assertEquals("dj_kool", StationHandles.slug("ＤＪ Ｋｏｏｌ"), "full-width letters fold to ASCII");
    }

    @Test
    void nothingUsableLeftGivesAGenericHandle() {
        assertEquals("station", StationHandles.slug("★☆★"));
        assertEquals("station", StationHandles.slug(""));
        assertEquals("station", StationHandles.slug(null));
    }

    @Test
    void reservedNamesAreNotHandedToStations() {
        assertEquals("admin_fm", StationHandles.slug("Admin"));
        assertEquals("ondes_fm", StationHandles.slug("ONDES"));
    }

    @Test
    void longNamesLeaveRoomForASuffixAndEveryCandidateIsValid() {
        String slug = StationHandles.slug("The Extremely Long Name Of A Community Radio Station In Town");
        assertTrue(slug.length() <= StationHandles.MAX - 4, slug);
        assertTrue(StationHandles.VALID.matcher(StationHandles.candidate(slug, 999)).matches());
        assertEquals(slug, StationHandles.candidate(slug, 1));
        assertEquals(slug + "_2", StationHandles.candidate(slug, 2));
    }
}
