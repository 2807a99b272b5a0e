package org.ondes.streams;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The arithmetic of profile changes, pure: which fields an edit really changes, what the history records of them,
 * and what rolling a recorded change back sets. Values are override values: a string, a list of strings (genres), a
 * boolean (hidden), or null (no override).
 */
final class ProfileDiff {
    private ProfileDiff() {
    }

    /** The wanted values that differ from the current ones, in field order; empty when the edit changes nothing. */
    static Map<ProfilePatch.Field, Object> changed(Map<ProfilePatch.Field, Object> current,
                                                   Map<ProfilePatch.Field, Object> wanted) {
        Map<ProfilePatch.Field, Object> changed = new EnumMap<>(ProfilePatch.Field.class);
        wanted.forEach((field, value) -> {
            if (!Objects.equals(current.get(field), value)) {
                changed.put(field, value);
            }
        });
        return changed;
    }

    /**
     * What the history records of {@code changed}: each field with its value before and after, in field order. The
     * owner's unlisted choice ({@code hidden}) is not profile content and is left out, so a change of only that
     * records nothing.
     */
    static List<ProfileChange.FieldChange> recorded(Map<ProfilePatch.Field, Object> current,
                                                    Map<ProfilePatch.Field, Object> changed) {
        List<ProfileChange.FieldChange> fields = new ArrayList<>();
        for (ProfilePatch.Field field : ProfilePatch.Field.values()) {
            if (field != ProfilePatch.Field.HIDDEN && changed.containsKey(field)) {
                fields.add(new ProfileChange.FieldChange(field.json, current.get(field), changed.get(field)));
            }
        }
        return fields;
    }

    /**
     * What rolling {@code change} back sets: every field it touched, to its value before the change (whatever the
     * field holds now). Fields the history does not know (none today) are skipped.
     */
    static Map<ProfilePatch.Field, Object> before(ProfileChange change) {
        Map<ProfilePatch.Field, Object> values = new LinkedHashMap<>();
        for (ProfileChange.FieldChange f : change.fields()) {
            for (ProfilePatch.Field field : ProfilePatch.Field.values()) {
                if (field.json.equals(f.field()) && field != ProfilePatch.Field.HIDDEN) {
                    values.put(field, value(field, f.before()));
                }
            }
        }
        return values;
    }

    /** A value read back from the history's JSON in the type the column takes. */
    static Object value(ProfilePatch.Field field, Object raw) {
        if (raw == null) {
            return null;
        }
        if (field == ProfilePatch.Field.GENRES) {
            List<String> genres = new ArrayList<>();
            for (Object o : (List<?>) raw) {
                genres.add(String.valueOf(o));
            }
            return List.copyOf(genres);
        }
        return raw instanceof String s ? s : String.valueOf(raw);
    }
}
