package org.ondes.site.moderation;

import org.junit.jupiter.api.Test;
import org.ondes.moderation.ModeratedStationView;
import org.ondes.moderation.ModeratedUserView;
import org.ondes.site.PageMeta;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ModerationPagesTest {
    static final Instant T = Instant.parse("2026-11-21T10:15:30Z");
    static final UUID ID = UUID.fromString("3f2a9c1e-7b4d-4e8a-9c0f-1a2b3c4d5e6f");

    @Test
    void aStationsLineSaysWhetherItIsLiveAndWhoHidIt() {
        ModerationPage.StationLine live = ModerationPages.station(new ModeratedStationView(ID, "Radio", "owner", true, false, null, T));
        assertEquals("Live", live.status());
        assertEquals("/stations/" + ID, live.publicHref());
        ModerationPage.StationLine hidden = ModerationPages.station(new ModeratedStationView(ID, "Radio", "owner", true, true,
                new ModeratedStationView.Hide("spam", T, "mod_anna"), T));
        assertEquals("Hidden by mod_anna", hidden.status());
        assertNull(hidden.publicHref(), "hidden stations have no public page to link");
        assertEquals("2026-11-21 10:15 UTC", hidden.hiddenAtText());
        assertEquals("Hidden by its owner",
                ModerationPages.station(new ModeratedStationView(ID, "Radio", "owner", false, true, null, T)).status());
    }

    @Test
    void theListIsPagedAndOnlyKnownDoneCodesSaySomething() {
        PageMeta meta = PageMeta.of("Moderation · Ondes", "", "http://x/moderation", "website");
        ModeratedStationView.Page none = new ModeratedStationView.Page(List.of(), 0);
        ModeratedStationView.Page many = new ModeratedStationView.Page(Collections.nCopies(50,
                new ModeratedStationView(ID, "Radio", "owner", false, false, null, T)), 120);
        ModeratedUserView.Page users = new ModeratedUserView.Page(List.of(), 0);
        ModerationPage first = ModerationPages.build(meta, many, 0, none, users, "hidden", null, null, ModerationPage.Typed.EMPTY);
        assertEquals("/moderation?offset=50#stations", first.olderHref());
        assertNull(first.newerHref());
        assertEquals(ModerationPages.DONE.get("hidden"), first.notice());
        ModerationPage last = ModerationPages.build(meta, many, 100, none, users, "<script>", null, null, ModerationPage.Typed.EMPTY);
        assertNull(last.olderHref());
        assertEquals("/moderation?offset=50#stations", last.newerHref());
        assertNull(last.notice());
        assertEquals("/moderation#stations", ModerationPages.build(meta, many, 50, none, users, null, null, null,
                ModerationPage.Typed.EMPTY).newerHref());
    }
}
