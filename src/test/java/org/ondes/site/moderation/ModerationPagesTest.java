package org.ondes.site.moderation;

import org.junit.jupiter.api.Test;
import org.ondes.moderation.BanRuleView;
import org.ondes.moderation.ModeratedStationView;
import org.ondes.moderation.ReportView;
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
        ModerationPage.StationLine live = ModerationPages.station(new ModeratedStationView(ID, "Radio", "owner", true, false, null, T, null));
        assertEquals("Live", live.status());
        assertEquals("/stations/" + ID, live.publicHref());
        ModerationPage.StationLine hidden = ModerationPages.station(new ModeratedStationView(ID, "Radio", "owner", true, true,
                new ModeratedStationView.Hide("spam", T, "mod_anna"), T, null));
        assertEquals("Hidden by mod_anna", hidden.status());
        assertNull(hidden.publicHref(), "hidden stations have no public page to link");
        assertEquals("2026-11-21 10:15 UTC", hidden.hiddenAtText());
        ModerationPage.StationLine unlisted = ModerationPages.station(new ModeratedStationView(ID, "Radio", "owner", false,
                true, null, T, null));
        assertEquals("Unlisted by its owner", unlisted.status());
        ModerationPage.StationLine remote = ModerationPages.station(new ModeratedStationView(ID, "Radio", null, true,
                false, null, T, "a.example:8443"));
        assertEquals("the instance a.example:8443", remote.owner(), "a remote station answers to its origin instance");
        assertEquals("/stations/" + ID, unlisted.publicHref(), "an unlisted station's page works by its link");
    }

    @Test
    void theListIsPagedAndOnlyKnownDoneCodesSaySomething() {
        PageMeta meta = PageMeta.of("Moderation · Ondes", "", "http://x/moderation", "website");
        ModeratedStationView.Page none = new ModeratedStationView.Page(List.of(), 0);
        ModeratedStationView.Page many = new ModeratedStationView.Page(Collections.nCopies(50,
                new ModeratedStationView(ID, "Radio", "owner", false, false, null, T, null)), 120);
        ModeratedUserView.Page users = new ModeratedUserView.Page(List.of(), 0);
        ModerationPage first = ModerationPages.build(meta, lists(many, 0, none, users), "hidden", null,
                ModerationPage.Errors.NONE, ModerationPage.Typed.EMPTY);
        assertEquals("/moderation?offset=50#stations", first.olderHref());
        assertNull(first.newerHref());
        assertEquals(ModerationPages.DONE.get("hidden"), first.notice());
        ModerationPage last = ModerationPages.build(meta, lists(many, 100, none, users), "<script>", null,
                ModerationPage.Errors.NONE, ModerationPage.Typed.EMPTY);
        assertNull(last.olderHref());
        assertEquals("/moderation?offset=50#stations", last.newerHref());
        assertNull(last.notice());
        assertEquals("/moderation#stations", ModerationPages.build(meta, lists(many, 50, none, users), null, null,
                ModerationPage.Errors.NONE, ModerationPage.Typed.EMPTY).newerHref());
        assertEquals(ModerationPages.DONE.get("banned") + " It ended 2 live streams now.", ModerationPages.build(meta,
                lists(none, 0, none, users), "banned", 2, ModerationPage.Errors.NONE, ModerationPage.Typed.EMPTY).notice());
    }

    @Test
    void rulesAndReportsReadInWords() {
        ModerationPage.BanLine rule = ModerationPages.ban(new BanRuleView(7, "name", "*casino*", "glob", "gambling spam",
                "mod_anna", T, null));
        assertEquals("Stream name (glob) *casino*", rule.rule());
        assertEquals("/moderation/bans/7/delete", rule.deleteAction());
        assertEquals("Listen-URL host *.example.net", ModerationPages.ban(new BanRuleView(8, "host", "*.example.net", null,
                "x", "mod_anna", T, null)).rule());
        ModerationPage.ReportLine report = ModerationPages.report(new ReportView(3, ID, "Radio", "broken_stream", null,
                "open", T, 2, null, null, null));
        assertEquals("Broken stream", report.reason());
        assertEquals("2 open reports for this station", report.openForStation());
        assertEquals("/stations/" + ID, report.stationHref());
        assertEquals("/moderation/reports/3", report.action());
    }

    private static ModerationPages.Lists lists(ModeratedStationView.Page all, int offset, ModeratedStationView.Page hidden,
                                               ModeratedUserView.Page users) {
        return new ModerationPages.Lists(all, offset, hidden, users, new BanRuleView.Page(List.of(), 0),
                new ReportView.Page(List.of(), 0));
    }
}
