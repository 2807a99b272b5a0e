package org.ondes.streams;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileDiffTest {
    private static Map<ProfilePatch.Field, Object> values(Object... kv) {
        Map<ProfilePatch.Field, Object> m = new EnumMap<>(ProfilePatch.Field.class);
        for (int i = 0; i < kv.length; i += 2) {
            m.put((ProfilePatch.Field) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void onlyValuesThatDifferAreChangedAndAnEmptyGenreListIsNotNull() {
        Map<ProfilePatch.Field, Object> current = values(ProfilePatch.Field.DISPLAY_NAME, "Nova",
                ProfilePatch.Field.GENRES, null, ProfilePatch.Field.COUNTRY, "BR", ProfilePatch.Field.HIDDEN, false);
        assertTrue(ProfileDiff.changed(current, values(ProfilePatch.Field.DISPLAY_NAME, "Nova",
                ProfilePatch.Field.COUNTRY, "BR", ProfilePatch.Field.HIDDEN, false)).isEmpty(), "the same values change nothing");
        Map<ProfilePatch.Field, Object> changed = ProfileDiff.changed(current, values(ProfilePatch.Field.DISPLAY_NAME,
                "Nova", ProfilePatch.Field.GENRES, List.of(), ProfilePatch.Field.COUNTRY, null));
        assertEquals(List.of(ProfilePatch.Field.GENRES, ProfilePatch.Field.COUNTRY), List.copyOf(changed.keySet()));
        assertEquals(List.of(), changed.get(ProfilePatch.Field.GENRES), "[] (no genres) is an edit of null (announced)");
        assertNull(changed.get(ProfilePatch.Field.COUNTRY), "clearing an override is a change to null");
        assertTrue(ProfileDiff.changed(values(ProfilePatch.Field.GENRES, List.of("dub")),
                values(ProfilePatch.Field.GENRES, new ArrayList<>(List.of("dub")))).isEmpty(), "lists compare by content");
    }

    @Test
    void theHistoryRecordsEachChangedFieldBeforeAndAfterButNotTheUnlistedChoice() {
        Map<ProfilePatch.Field, Object> current = values(ProfilePatch.Field.DESCRIPTION, "old",
                ProfilePatch.Field.DISPLAY_NAME, null, ProfilePatch.Field.HIDDEN, false);
        List<ProfileChange.FieldChange> recorded = ProfileDiff.recorded(current, values(ProfilePatch.Field.HIDDEN, true,
                ProfilePatch.Field.DESCRIPTION, "new", ProfilePatch.Field.DISPLAY_NAME, "Nova"));
        assertEquals(List.of(new ProfileChange.FieldChange("displayName", null, "Nova"),
                new ProfileChange.FieldChange("description", "old", "new")), recorded, "in field order");
        assertTrue(ProfileDiff.recorded(current, values(ProfilePatch.Field.HIDDEN, true)).isEmpty());
    }

    @Test
    void rollingBackSetsEveryTouchedFieldToItsValueBeforeTheChange() {
        ProfileChange change = new ProfileChange(7, UUID.randomUUID(), ProfileChange.OWNER_EDIT, "anna", "user",
                Instant.EPOCH, List.of(new ProfileChange.FieldChange("displayName", null, "Vandal FM"),
                new ProfileChange.FieldChange("genres", List.of("dub", "reggae"), List.of()),
                new ProfileChange.FieldChange("country", "BR", "DE")), null);
        Map<ProfilePatch.Field, Object> expected = new HashMap<>();
        expected.put(ProfilePatch.Field.DISPLAY_NAME, null);
        expected.put(ProfilePatch.Field.GENRES, List.of("dub", "reggae"));
        expected.put(ProfilePatch.Field.COUNTRY, "BR");
        assertEquals(expected, new HashMap<>(ProfileDiff.before(change)));
    }

    @Test
    void aRollbackOfARollbackRestoresWhatTheFirstRollbackReplaced() {
        ProfileChange rollback = new ProfileChange(8, UUID.randomUUID(), ProfileChange.ROLLBACK, "mod", "moderator",
                Instant.EPOCH, List.of(new ProfileChange.FieldChange("description", "spam", null)), 7L);
        assertEquals("spam", ProfileDiff.before(rollback).get(ProfilePatch.Field.DESCRIPTION));
    }
}
