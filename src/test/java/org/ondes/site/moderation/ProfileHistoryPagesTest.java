package org.ondes.site.moderation;

import org.junit.jupiter.api.Test;
import org.ondes.moderation.ProfileRollbacks;
import org.ondes.site.PageMeta;
import org.ondes.streams.ModeratedStation;
import org.ondes.streams.ProfileChange;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileHistoryPagesTest {
    static final Instant T = Instant.parse("2026-11-21T10:15:30Z");
    static final UUID ID = UUID.fromString("3f2a9c1e-7b4d-4e8a-9c0f-1a2b3c4d5e6f");
    static final PageMeta META = PageMeta.of("History · Ondes", "", "http://x/moderation", "website");

    private static ProfileChange edit(long id, ProfileChange.FieldChange... fields) {
        return new ProfileChange(id, ID, ProfileChange.OWNER_EDIT, "anna", "user", T, List.of(fields), null);
    }

    private static ProfileRollbacks.History history(boolean hidden, long total, List<ProfileChange> items) {
        ModeratedStation station = new ModeratedStation(ID, "Radio <Nova>", 3, true, false, hidden ? T : null,
                hidden ? "spam" : null, T);
        return new ProfileRollbacks.History(station, "anna", new ProfileChange.Page(items, total));
    }

    @Test
    void valuesReadAsTextGenresAsAListAndNoOverrideSaysIcecastsValueShows() {
        assertEquals(ProfileHistoryPages.UNSET, ProfileHistoryPages.text(null));
        assertEquals("No genres", ProfileHistoryPages.text(List.of()));
        assertEquals("dub, reggae", ProfileHistoryPages.text(List.of("dub", "reggae")));
        assertEquals("<b>Nova</b>", ProfileHistoryPages.text("<b>Nova</b>"), "text as stored; the template escapes it");
        ProfileHistoryPage.FieldLine line = ProfileHistoryPages.field(new ProfileChange.FieldChange("logoUrl", null,
                "https://x.example/logo.png"));
        assertEquals("Logo URL", line.label());
        assertFalse(line.beforeSet());
        assertTrue(line.afterSet());
    }

    @Test
    void eachChangeSaysWhatItsRollbackSetsAndWhereItPosts() {
        ProfileHistoryPage.ChangeLine one = ProfileHistoryPages.change(ID.toString(),
                edit(12, new ProfileChange.FieldChange("description", "old", "spam")));
        assertEquals("Edit by the owner", one.what());
        assertEquals("/moderation/stations/" + ID + "/history/12/rollback", one.action());
        assertEquals("Sets description back to its value from before this change, whatever it holds now. Other fields "
                + "keep later edits.", one.restores());
        assertEquals("2026-11-21 10:15 UTC", one.atText());

        ProfileChange rollback = new ProfileChange(13, ID, ProfileChange.ROLLBACK, "mod", "moderator", T,
                List.of(new ProfileChange.FieldChange("displayName", "Spam", null),
                        new ProfileChange.FieldChange("genres", List.of(), null)), 12L);
        ProfileHistoryPage.ChangeLine two = ProfileHistoryPages.change(ID.toString(), rollback);
        assertEquals("Rollback of change #12", two.what());
        assertTrue(two.restores().startsWith("Sets display name, genres back to their values"), two.restores());
    }

    @Test
    void thePageLinksThePublicPageOnlyWhileVisibleAndIsPaged() {
        List<ProfileChange> fifty = Collections.nCopies(50, edit(1, new ProfileChange.FieldChange("country", null, "BR")));
        ProfileHistoryPage first = ProfileHistoryPages.build(META, history(false, 120, fifty), 0, "rolledback", null);
        assertEquals("/stations/" + ID, first.publicHref());
        assertEquals(ProfileHistoryPages.path(ID.toString()) + "?offset=50", first.olderHref());
        assertNull(first.newerHref());
        assertEquals(ProfileHistoryPages.DONE, first.notice());
        ProfileHistoryPage last = ProfileHistoryPages.build(META, history(true, 120, fifty), 100, "<script>", "Nope.");
        assertNull(last.publicHref(), "a station hidden by a moderator has no public page");
        assertNull(last.olderHref());
        assertEquals(ProfileHistoryPages.path(ID.toString()) + "?offset=50", last.newerHref());
        assertNull(last.notice(), "unknown done codes say nothing");
        assertEquals("Nope.", last.error());
        assertEquals(ProfileHistoryPages.path(ID.toString()),
                ProfileHistoryPages.build(META, history(false, 120, fifty), 50, null, null).newerHref());
    }
}
