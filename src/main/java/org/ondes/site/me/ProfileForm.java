package org.ondes.site.me;

import io.micronaut.core.annotation.Nullable;
import org.ondes.streams.StationView;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The profile form of one station, as the fields hold it: the owner's overrides (an empty field shows what Icecast
 * announces) and "hide from the catalog". Turns a posted form into the fields of {@code PATCH /api/v1/me/stations/{id}}
 * (the same rules apply): an empty text field clears its override, genres are separated by commas, an unticked
 * checkbox is "not hidden".
 */
record ProfileForm(String displayName, String description, String homepage, String genres, String language,
                   String country, String logoUrl, boolean hidden) {
    static final String DISPLAY_NAME = "displayName";
    static final String DESCRIPTION = "description";
    static final String HOMEPAGE = "homepage";
    static final String GENRES = "genres";
    static final String LANGUAGE = "language";
    static final String COUNTRY = "country";
    static final String LOGO_URL = "logoUrl";
    static final String HIDDEN = "hidden";
    /** The text fields in the order of the form. */
    static final List<String> TEXT_FIELDS = List.of(DISPLAY_NAME, DESCRIPTION, HOMEPAGE, GENRES, LANGUAGE, COUNTRY, LOGO_URL);

    /** The form for the station as it is stored. */
    static ProfileForm of(StationView station) {
        StationView.Overrides o = station.overrides();
        return new ProfileForm(orEmpty(o.displayName()), orEmpty(o.description()), orEmpty(o.homepage()),
                o.genres() == null ? "" : String.join(", ", o.genres()), orEmpty(o.language()), orEmpty(o.country()),
                orEmpty(o.logoUrl()), station.hidden());
    }

    /** The form as the browser posted it (values as typed, for showing them again with an error). */
    static ProfileForm posted(Map<String, String> form) {
        return new ProfileForm(orEmpty(form.get(DISPLAY_NAME)), orEmpty(form.get(DESCRIPTION)), orEmpty(form.get(HOMEPAGE)),
                orEmpty(form.get(GENRES)), orEmpty(form.get(LANGUAGE)), orEmpty(form.get(COUNTRY)),
                orEmpty(form.get(LOGO_URL)), checked(form.get(HIDDEN)));
    }

    /** The profile fields to change, in the shape {@code ProfilePatch.parse} validates: every field of the form. */
    Map<String, Object> patch() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(DISPLAY_NAME, blankToNull(displayName));
        fields.put(DESCRIPTION, blankToNull(description));
        fields.put(HOMEPAGE, blankToNull(homepage));
        fields.put(GENRES, genreList(genres));
        fields.put(LANGUAGE, blankToNull(language));
        fields.put(COUNTRY, blankToNull(country));
        fields.put(LOGO_URL, blankToNull(logoUrl));
        fields.put(HIDDEN, hidden);
        return fields;
    }

    /** The value of a text field by name. */
    String value(String field) {
        return switch (field) {
            case DISPLAY_NAME -> displayName;
            case DESCRIPTION -> description;
            case HOMEPAGE -> homepage;
            case GENRES -> genres;
            case LANGUAGE -> language;
            case COUNTRY -> country;
            case LOGO_URL -> logoUrl;
            default -> throw new IllegalArgumentException(field);
        };
    }

    @Nullable
    private static List<String> genreList(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return Arrays.stream(raw.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** HTML checkboxes send their value ("on" by default) only when ticked. */
    private static boolean checked(@Nullable String value) {
        return value != null && (value.equals("on") || value.equals("true"));
    }

    @Nullable
    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}
