package org.ondes.site.moderation;

import org.junit.jupiter.api.Test;
import org.ondes.moderation.AuditLog;
import org.ondes.site.PageMeta;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditPagesTest {
    static final Instant T = Instant.parse("2026-11-21T10:15:30Z");
    static final PageMeta META = PageMeta.of("Audit log · Ondes", "", "http://x/moderation/audit", "website");
    static final UUID STATION = UUID.fromString("3f2a9c1e-7b4d-4e8a-9c0f-1a2b3c4d5e6f");

    private static AuditLog.Entry entry(String action, UUID station) {
        return new AuditLog.Entry(9, action, "mod_anna", "Radio", station, 3L, null, null, "spam", "change 4", T, null);
    }

    @Test
    void everyKindTheLogKnowsHasALabelAndUnknownKindsShowTheirName() {
        for (String kind : AuditLog.actions()) {
            assertTrue(AuditPages.LABELS.containsKey(kind), kind);
        }
        assertEquals("Rolled back a profile change", AuditPages.label("rollback_profile"));
        assertEquals("something_new", AuditPages.label("something_new"));
    }

    @Test
    void pagesKeepTheFiltersAndStationEntriesLinkTheProfileHistory() {
        assertEquals("/moderation/audit", AuditPages.href(null, " ", 0));
        assertEquals("/moderation/audit?action=rollback_profile&actor=mod+anna%26x&offset=50",
                AuditPages.href("rollback_profile", " mod anna&x ", 50));

        AuditLog.Page log = new AuditLog.Page(Collections.nCopies(50, entry("rollback_profile", STATION)), 120);
        AuditPage page = AuditPages.build(META, log, AuditLog.actions(), "rollback_profile", "mod_anna", 50, null);
        assertEquals("Entries 51–100 of 120", page.shown());
        assertEquals("/moderation/audit?action=rollback_profile&actor=mod_anna&offset=100", page.olderHref());
        assertEquals("/moderation/audit?action=rollback_profile&actor=mod_anna", page.newerHref());
        assertEquals("Every action", page.actions().get(0).label());
        assertTrue(page.actions().stream().filter(ModerationPage.Option::selected).allMatch(o -> o.value().equals("rollback_profile")));
        AuditPage.EntryLine line = page.entries().get(0);
        assertEquals("/moderation/stations/" + STATION + "/history", line.historyHref());
        assertEquals("2026-11-21 10:15 UTC", line.atText());

        AuditPage empty = AuditPages.build(META, new AuditLog.Page(List.of(), 0), AuditLog.actions(), null, null, 0, "Bad.");
        assertEquals("No entries", empty.shown());
        assertNull(empty.olderHref());
        assertNull(empty.newerHref());
        assertTrue(empty.actions().get(0).selected());
        assertNull(AuditPages.entry(entry("suspend_account", null)).historyHref());
    }
}
