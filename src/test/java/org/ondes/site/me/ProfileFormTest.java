package org.ondes.site.me;

import org.junit.jupiter.api.Test;
import org.ondes.streams.ProfilePatch;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileFormTest {
    @Test
    void emptyFieldsClearTheirOverrideAndGenresAreSplitOnCommas() {
        Map<String, String> posted = new HashMap<>(Map.of("displayName", "Night Jazz", "description", "  ",
                "genres", " jazz,, soul ,", "country", "be", "hidden", "on"));
        Map<String, Object> patch = ProfileForm.posted(posted).patch();
        assertEquals("Night Jazz", patch.get("displayName"));
        assertTrue(patch.containsKey("description") && patch.get("description") == null, "blank clears: " + patch);
        assertNull(patch.get("homepage"), "a field the form did not send clears too");
        assertEquals(List.of("jazz", "soul"), patch.get("genres"));
        assertEquals(true, patch.get("hidden"));
        assertEquals(Arrays.stream(ProfilePatch.Field.values()).count(), patch.size(), "every profile field is set");

        ProfilePatch parsed = ProfilePatch.parse(patch);
        assertEquals("BE", parsed.country());
        assertTrue(parsed.hidden());
        assertEquals(List.of("jazz", "soul"), parsed.genres());
    }

    @Test
    void anUntickedCheckboxIsNotHiddenAndBlankGenresAreNoOverride() {
        Map<String, Object> patch = ProfileForm.posted(Map.of("genres", " ")).patch();
        assertEquals(false, patch.get("hidden"));
        assertNull(patch.get("genres"));
        assertFalse(ProfileForm.posted(Map.of("hidden", "yes please")).hidden(), "only a checkbox's own values tick it");
    }

    @Test
    void theFormOfAStationHoldsItsOverridesNotWhatIcecastAnnounced() {
        ProfileForm form = ProfileForm.of(Views.station(true, null));
        assertEquals("Night Jazz", form.displayName());
        assertEquals("", form.description(), "no override: the field is empty and its hint shows the announced text");
        assertEquals("jazz, soul", form.genres());
        assertEquals("BE", form.country());
        assertTrue(form.hidden());
    }
}
