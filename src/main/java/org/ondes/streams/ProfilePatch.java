package org.ondes.streams;

import org.ondes.text.PlainText;
import org.ondes.web.ProblemException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An owner's edit of a station profile, validated: the fields named in the request and their clean values. A field
 * that is present with {@code null} clears the override, so the announced value shows again; absent fields stay as
 * they are. Text is stored as plain text (markup dropped); URLs, language and country are checked and normalised.
 */
public record ProfilePatch(Set<Field> fields, String displayName, String description, String homepage,
                           List<String> genres, String language, String country, String logoUrl, boolean hidden) {

    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 1000;
    static final int MAX_URL = 1000;
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** The editable fields: their JSON name and their override column in streams_stations. */
    public enum Field {
        DISPLAY_NAME("displayName", "profile_name"),
        DESCRIPTION("description", "profile_description"),
        HOMEPAGE("homepage", "profile_homepage"),
        GENRES("genres", "profile_genres"),
        LANGUAGE("language", "profile_language"),
        COUNTRY("country", "profile_country"),
        LOGO_URL("logoUrl", "profile_logo_url"),
        HIDDEN("hidden", "hidden_by_owner");

        final String json;
        final String column;

        Field(String json, String column) {
            this.json = json;
            this.column = column;
        }

        static Field of(String json) {
            for (Field f : values()) {
                if (f.json.equals(json)) {
                    return f;
                }
            }
            throw ProblemException.badRequest(json, "is not a profile field (" + String.join(", ",
                    Arrays.stream(values()).map(v -> v.json).toList()) + ")");
        }
    }

    public ProfilePatch {
        fields = Collections.unmodifiableSet(EnumSet.copyOf(fields));
        genres = genres == null ? null : List.copyOf(genres);
    }

    /** Validates a request body (a JSON object as a map); refusals name the field. */
    public static ProfilePatch parse(Map<String, Object> body) {
        if (body == null || body.isEmpty()) {
            throw ProblemException.badRequest("body", "names no field to change");
        }
        Set<Field> fields = EnumSet.noneOf(Field.class);
        for (String key : body.keySet()) {
            fields.add(Field.of(key));
        }
        return new ProfilePatch(fields,
                text(body, Field.DISPLAY_NAME, MAX_NAME),
                text(body, Field.DESCRIPTION, MAX_DESCRIPTION),
                url(body, Field.HOMEPAGE, false),
                genres(body),
                language(body),
                country(body),
                url(body, Field.LOGO_URL, true),
                Boolean.TRUE.equals(value(body, Field.HIDDEN, Boolean.class, "must be true or false")));
    }

    private static <T> T value(Map<String, Object> body, Field f, Class<T> type, String reason) {
        Object v = body.get(f.json);
        if (v == null) {
            return null;
        }
        if (!type.isInstance(v)) {
            throw ProblemException.badRequest(f.json, reason);
        }
        return type.cast(v);
    }

    private static String string(Map<String, Object> body, Field f) {
        String s = value(body, f, String.class, "must be a string or null");
        if (s != null && s.isBlank()) {
            throw ProblemException.badRequest(f.json, "must not be blank; send null to show the announced value again");
        }
        return s;
    }

    private static String text(Map<String, Object> body, Field f, int max) {
        String raw = string(body, f);
        if (raw == null) {
            return null;
        }
        String clean = PlainText.fromHtml(raw, max);
        if (clean == null) {
            throw ProblemException.badRequest(f.json, "has no text once markup and control characters are removed");
        }
        return clean;
    }

    private static String url(Map<String, Object> body, Field f, boolean httpsOnly) {
        String raw = string(body, f);
        if (raw == null) {
            return null;
        }
        String s = raw.trim();
        String expected = httpsOnly ? "must be an absolute https URL" : "must be an absolute http or https URL";
        if (s.length() > MAX_URL) {
            throw ProblemException.badRequest(f.json, "must be at most " + MAX_URL + " characters");
        }
        if (!s.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw ProblemException.badRequest(f.json, expected + " without spaces or non-ASCII characters (percent-encode them)");
        }
        try {
            URI uri = new URI(s);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean schemeOk = httpsOnly ? scheme.equals("https") : scheme.equals("http") || scheme.equals("https");
            if (!schemeOk || uri.getHost() == null || uri.getRawUserInfo() != null) {
                throw ProblemException.badRequest(f.json, expected + " with a host name and no user name or password");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw ProblemException.badRequest(f.json, expected);
        }
    }

    private static List<String> genres(Map<String, Object> body) {
        List<?> raw = value(body, Field.GENRES, List.class, "must be a list of strings or null");
        if (raw == null) {
            return null;
        }
        List<String> tags = new ArrayList<>(raw.size());
        for (Object o : raw) {
            if (!(o instanceof String s)) {
                throw ProblemException.badRequest(Field.GENRES.json, "must be a list of strings or null");
            }
            tags.add(s);
        }
        List<String> clean = Genres.normalise(tags);
        if (clean.size() > Genres.MAX_TAGS) {
            throw ProblemException.badRequest(Field.GENRES.json, "must hold at most " + Genres.MAX_TAGS + " genres");
        }
        return clean;
    }

    private static String language(Map<String, Object> body) {
        String raw = string(body, Field.LANGUAGE);
        if (raw == null) {
            return null;
        }
        String s = raw.trim();
        if (!LANGUAGE.matcher(s).matches()) {
            throw ProblemException.badRequest(Field.LANGUAGE.json, "must be a language tag such as en, pt-BR or sr-Latn");
        }
        String[] parts = s.split("-");
        StringBuilder tag = new StringBuilder(parts[0].toLowerCase(Locale.ROOT));
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            tag.append('-');
            if (p.length() == 2 && p.chars().allMatch(Character::isLetter)) {
                tag.append(p.toUpperCase(Locale.ROOT));
            } else if (p.length() == 4 && p.chars().allMatch(Character::isLetter)) {
                tag.append(Character.toUpperCase(p.charAt(0))).append(p.substring(1).toLowerCase(Locale.ROOT));
            } else {
                tag.append(p.toLowerCase(Locale.ROOT));
            }
        }
        return tag.toString();
    }

    private static String country(Map<String, Object> body) {
        String raw = string(body, Field.COUNTRY);
        if (raw == null) {
            return null;
        }
        String code = raw.trim().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(code)) {
            throw ProblemException.badRequest(Field.COUNTRY.json, "must be an ISO 3166-1 alpha-2 country code such as DE or BR");
        }
        return code;
    }

    /** The fields to change with their clean values (null: clear the override). */
    Map<Field, Object> values() {
        Map<Field, Object> values = new EnumMap<>(Field.class);
        for (Field f : fields) {
            values.put(f, valueOf(f));
        }
        return values;
    }

    /** The value to store for {@code f} (only meaningful when {@code f} is in {@link #fields}). */
    Object valueOf(Field f) {
        return switch (f) {
            case DISPLAY_NAME -> displayName;
            case DESCRIPTION -> description;
            case HOMEPAGE -> homepage;
            case GENRES -> genres;
            case LANGUAGE -> language;
            case COUNTRY -> country;
            case LOGO_URL -> logoUrl;
            case HIDDEN -> hidden;
        };
    }
}
