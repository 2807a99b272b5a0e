package org.ondes.site.moderation;

import io.micronaut.core.annotation.Nullable;
import org.ondes.moderation.ProfileRollbacks;
import org.ondes.streams.ProfileChange;
import org.ondes.site.Formats;
import org.ondes.site.PageMeta;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds the {@link ProfileHistoryPage} from a station's history. */
final class ProfileHistoryPages {
    static final int PAGE_SIZE = 50;
    static final String UNSET = "Not set (Icecast's value shows)";
    static final String DONE = "The change is rolled back: its fields hold their values from before it again, "
            + "everywhere the station is shown.";

    /** How the profile fields read on the page (their JSON names are the history's). */
    static final Map<String, String> LABELS = Map.of(
            "displayName", "Display name",
            "description", "Description",
            "homepage", "Homepage",
            "genres", "Genres",
            "language", "Language",
            "country", "Country",
            "logoUrl", "Logo URL");

    private ProfileHistoryPages() {
    }

    static String path(String stationId) {
        return "/moderation/stations/" + stationId + "/history";
    }

    static ProfileHistoryPage build(PageMeta meta, ProfileRollbacks.History h, int offset, @Nullable String done,
                                    @Nullable String error) {
        String id = h.station().id().toString();
        long total = h.changes().total();
        String older = offset + PAGE_SIZE < total ? path(id) + "?offset=" + (offset + PAGE_SIZE) : null;
        String newer = offset > 0 ? path(id) + (offset - PAGE_SIZE > 0 ? "?offset=" + (offset - PAGE_SIZE) : "") : null;
        return new ProfileHistoryPage(meta, id, h.station().name(), h.owner() == null ? "?" : h.owner(),
                h.station().hiddenByModeratorAt() == null ? "/stations/" + id : null,
                h.changes().items().stream().map(c -> change(id, c)).toList(), total, older, newer,
                "rolledback".equals(done) ? DONE : null, error);
    }

    static ProfileHistoryPage.ChangeLine change(String stationId, ProfileChange c) {
        String what = ProfileChange.ROLLBACK.equals(c.kind()) ? "Rollback of change #" + c.rollsBack() : "Edit by the owner";
        List<ProfileHistoryPage.FieldLine> fields = c.fields().stream().map(ProfileHistoryPages::field).toList();
        String names = fields.stream().map(f -> f.label().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.joining(", "));
        String restores = "Sets " + names + " back to " + (fields.size() == 1 ? "its value" : "their values")
                + " from before this change, whatever " + (fields.size() == 1 ? "it holds" : "they hold")
                + " now. Other fields keep later edits.";
        return new ProfileHistoryPage.ChangeLine(c.id(), what, c.actor() == null ? "?" : c.actor(), c.actorRole(),
                c.at().toString(), Formats.dateTime(c.at()), fields, restores,
                path(stationId) + "/" + c.id() + "/rollback");
    }

    static ProfileHistoryPage.FieldLine field(ProfileChange.FieldChange f) {
        return new ProfileHistoryPage.FieldLine(f.field(), LABELS.getOrDefault(f.field(), f.field()), text(f.before()),
                f.before() != null, text(f.after()), f.after() != null);
    }

    /** A value as the page shows it: the text, genres separated by commas, or that it is not set. */
    static String text(@Nullable Object value) {
        if (value == null) {
            return UNSET;
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "No genres" : list.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        return String.valueOf(value);
    }
}
