package org.ondes.streams;

import org.junit.jupiter.api.Test;
import org.ondes.web.ProblemException;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfilePatchTest {

    private static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Asserts the refusal names the field, as problem+json will. */
    private static void refused(String field, Map<String, Object> body) {
        ProblemException e = assertThrows(ProblemException.class, () -> ProfilePatch.parse(body), String.valueOf(body));
        assertEquals(400, e.status().getCode());
        assertEquals(field, e.errors().get(0).name(), e.getMessage());
        assertTrue(e.getMessage().startsWith(field + ": "), e.getMessage());
    }

    @Test
    void onlyTheFieldsSentChangeAndNullClearsAnOverride() {
        ProfilePatch p = ProfilePatch.parse(body("displayName", "Radio Nova", "homepage", null));
        assertEquals(Set.of(ProfilePatch.Field.DISPLAY_NAME, ProfilePatch.Field.HOMEPAGE), p.fields());
        assertEquals("Radio Nova", p.displayName());
        assertNull(p.homepage(), "present with null: back to the announced homepage");
        assertFalse(p.fields().contains(ProfilePatch.Field.DESCRIPTION));
    }

    @Test
    void markupIsNeverStored() {
        ProfilePatch p = ProfilePatch.parse(body("displayName", "<b>Bold</b> &amp; <script>alert(1)</script>Radio",
                "description", "Line one\nline <i>two</i>\u202E"));
        assertEquals("Bold & Radio", p.displayName());
        assertEquals("Line one line two", p.description());
        refused("displayName", body("displayName", "<script>x</script>"));
        refused("description", body("description", "   "));
    }

    @Test
    void homepageMustBeHttpOrHttpsAndTheLogoHttps() {
        assertEquals("http://radio.example.org/", ProfilePatch.parse(body("homepage", " http://radio.example.org/ ")).homepage());
        assertEquals("https://cdn.example.org/logo.png", ProfilePatch.parse(body("logoUrl", "https://cdn.example.org/logo.png")).logoUrl());
        for (String bad : List.of("javascript:alert(1)", "ftp://radio.example.org/", "//radio.example.org/", "radio.example.org",
                "https://user:pw@radio.example.org/", "https://radio.example.org/a b", "data:text/html,hi")) {
            refused("homepage", body("homepage", bad));
        }
        refused("logoUrl", body("logoUrl", "http://cdn.example.org/logo.png"));
        refused("logoUrl", body("logoUrl", "https://cdn.example.org/" + "x".repeat(1000)));
    }

    @Test
    void genresAreNormalisedLikeAnnouncedOnes() {
        ProfilePatch p = ProfilePatch.parse(body("genres", List.of("#Jazz", " Hip Hop ", "jazz", "&#8211;")));
        assertEquals(List.of("jazz", "hip hop"), p.genres());
        assertEquals(List.of(), ProfilePatch.parse(body("genres", List.of())).genres(), "an empty list means no genres");
        assertTrue(ProfilePatch.parse(body("genres", null)).fields().contains(ProfilePatch.Field.GENRES));
        refused("genres", body("genres", "jazz"));
        refused("genres", body("genres", Arrays.asList("jazz", 7)));
        refused("genres", body("genres", List.of("a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10", "a11")));
    }

    @Test
    void languageAndCountryAreCheckedAndNormalised() {
        assertEquals("pt-BR", ProfilePatch.parse(body("language", "PT-br")).language());
        assertEquals("sr-Latn", ProfilePatch.parse(body("language", "sr-latn")).language());
        assertEquals("es-419", ProfilePatch.parse(body("language", "es-419")).language());
        assertEquals("DE", ProfilePatch.parse(body("country", "de")).country());
        refused("language", body("language", "English"));
        refused("language", body("language", "e"));
        refused("country", body("country", "XX"));
        refused("country", body("country", "DEU"));
    }

    @Test
    void hiddenIsABoolean() {
        assertTrue(ProfilePatch.parse(body("hidden", true)).hidden());
        assertFalse(ProfilePatch.parse(body("hidden", null)).hidden(), "null shows the station again");
        refused("hidden", body("hidden", "yes"));
    }

    @Test
    void unknownFieldsWrongTypesAndEmptyBodiesAreRefused() {
        refused("name", body("name", "x"));
        refused("displayName", body("displayName", 42));
        refused("body", Collections.emptyMap());
        refused("body", null);
    }
}
