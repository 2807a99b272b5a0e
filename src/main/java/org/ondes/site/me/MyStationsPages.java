package org.ondes.site.me;

import io.micronaut.core.annotation.Nullable;
import org.ondes.site.Formats;
import org.ondes.site.PageMeta;
import org.ondes.site.WebLinks;
import org.ondes.streams.StationView;
import org.ondes.text.PlainText;
import org.ondes.web.Problem;
import org.ondes.web.ProblemException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds the {@link MyStationsPage} from the owner's view of their stations ({@code Streams.stationsOf}). */
final class MyStationsPages {
    private static final int HINT_QUOTE = 80;
    private static final Map<String, String> LABELS = Map.of(
            ProfileForm.DISPLAY_NAME, "Display name",
            ProfileForm.DESCRIPTION, "Description",
            ProfileForm.HOMEPAGE, "Homepage",
            ProfileForm.GENRES, "Genres",
            ProfileForm.LANGUAGE, "Language",
            ProfileForm.COUNTRY, "Country",
            ProfileForm.LOGO_URL, "Logo URL");

    /** An edit that was refused: the form as posted, and the refusal. */
    record Refused(UUID stationId, ProfileForm form, ProblemException problem) {
    }

    private MyStationsPages() {
    }

    static MyStationsPage build(PageMeta meta, List<StationView> stations, @Nullable UUID saved, @Nullable Refused refused,
                                @Nullable String notice) {
        return build(meta, stations, saved, refused, notice, List.of());
    }

    static MyStationsPage build(PageMeta meta, List<StationView> stations, @Nullable UUID saved, @Nullable Refused refused,
                                @Nullable String notice, List<String> accountBans) {
        List<MyStationsPage.Station> items = new ArrayList<>(stations.size());
        for (StationView s : stations) {
            Refused mine = refused != null && refused.stationId().equals(s.id()) ? refused : null;
            items.add(station(s, s.id().equals(saved) && mine == null, mine));
        }
        return new MyStationsPage(meta, items, notice, "/me/tokens", accountBans);
    }

    static MyStationsPage.Station station(StationView s, boolean saved, @Nullable Refused refused) {
        String id = s.id().toString();
        boolean byModerator = s.hiddenByModerator() != null;
        String hiddenNote = byModerator ? "Hidden by a moderator: " + s.hiddenByModerator().reason()
                : s.hidden() ? "Unlisted by you: only its link leads to it." : null;
        String publicHref = byModerator ? null : "/stations/" + id;
        ProfileForm form = refused != null ? refused.form() : ProfileForm.of(s);
        String errorField = refused == null ? null : field(refused.problem());
        String errorText = refused == null ? null : message(refused.problem(), errorField);
        List<MyStationsPage.Field> fields = new ArrayList<>();
        for (String name : ProfileForm.TEXT_FIELDS) {
            fields.add(field(id, name, form.value(name), hint(name, s.announced()), name.equals(errorField) ? errorText : null));
        }
        List<MyStationsPage.SessionLine> sessions = s.sessions().stream().map(x -> session(s, x)).toList();
        return new MyStationsPage.Station(id, "station-" + id, s.name(), publicHref, hiddenNote, byModerator,
                s.listingNote() == null ? "" : s.listingNote(), sessions, saved, "/me/stations/" + id, fields, form.hidden(), refused != null, errorText, "f-" + id + "-error");
    }

    static MyStationsPage.SessionLine session(StationView station, StationView.Session x) {
        SessionStates.Shown shown = SessionStates.of(station, x);
        String rawReason = x.endReason() != null ? x.endReason() : x.stateReason() == null ? "" : x.stateReason();
        String song = x.currentSong() == null || x.currentSong().isBlank() ? null : x.currentSong();
        return new MyStationsPage.SessionLine(x.id().toString(), shown.state(), shown.label(), shown.reason(), x.state(),
                rawReason, x.listenUrl(), WebLinks.http(x.listenUrl()), Formats.format(x.codec(), x.bitrate()), song,
                Formats.listeners(x.listeners()), iso(x.lastYpRequestAt()), Formats.dateTime(x.lastYpRequestAt()),
                x.lastYpMessage(), iso(x.startedAt()), Formats.dateTime(x.startedAt()),
                x.endedAt() == null ? null : iso(x.endedAt()), x.endedAt() == null ? null : Formats.dateTime(x.endedAt()));
    }

    private static MyStationsPage.Field field(String stationId, String name, String value, String hint, @Nullable String error) {
        String id = "f-" + stationId + "-" + name;
        String kind = name.equals(ProfileForm.DESCRIPTION) ? "textarea"
                : name.equals(ProfileForm.HOMEPAGE) || name.equals(ProfileForm.LOGO_URL) ? "url" : "text";
        int max = switch (name) {
            case ProfileForm.DISPLAY_NAME -> 200;
            case ProfileForm.DESCRIPTION, ProfileForm.HOMEPAGE, ProfileForm.LOGO_URL -> 1000;
            case ProfileForm.LANGUAGE -> 35;
            case ProfileForm.COUNTRY -> 2;
            default -> 500;
        };
        String describedBy = id + "-hint" + (error == null ? "" : " " + id + "-error");
        return new MyStationsPage.Field(id, name, LABELS.get(name), kind, value, hint, id + "-hint", error, id + "-error",
                describedBy, error == null ? null : "true", max);
    }

    /** What an empty field shows instead: what Icecast announced, quoted. */
    static String hint(String name, StationView.Announced a) {
        return switch (name) {
            case ProfileForm.DISPLAY_NAME -> "Empty: the name Icecast announces, " + quote(a.name()) + ".";
            case ProfileForm.DESCRIPTION -> a.description() == null ? "Empty: no description (Icecast announces none)."
                    : "Empty: the description Icecast announces, " + quote(a.description()) + ".";
            case ProfileForm.HOMEPAGE -> "An http or https address. " + (a.homepage() == null ? "Icecast announces none."
                    : "Empty: the one Icecast announces, " + quote(a.homepage()) + ".");
            case ProfileForm.GENRES -> "Separate genres with commas. " + (a.genres().isEmpty() ? "Icecast announces none."
                    : "Empty: the ones Icecast announces, " + quote(String.join(", ", a.genres())) + ".");
            case ProfileForm.LANGUAGE -> "A language tag such as en, fr or pt-BR. " + (a.language() == null
                    ? "Icecast announces none." : "Empty: the one Icecast announces, " + quote(a.language()) + ".");
            case ProfileForm.COUNTRY -> "Two letters such as DE or BR (ISO 3166-1). Icecast does not announce a country.";
            case ProfileForm.LOGO_URL -> "An https address of an image. Apps show it; Ondes never fetches it.";
            default -> "";
        };
    }

    /** The form field a refusal names, or null when it is about the form as a whole. */
    @Nullable
    static String field(ProblemException p) {
        List<Problem.FieldError> errors = p.errors();
        String name = errors == null || errors.isEmpty() ? null : errors.get(0).name();
        return name != null && (LABELS.containsKey(name) || name.equals(ProfileForm.HIDDEN)) ? name : null;
    }

    /** "Homepage must be an absolute http or https URL"; the reasons are Ondes' own words, never the input. */
    static String message(ProblemException p, @Nullable String field) {
        if (field != null && LABELS.containsKey(field)) {
            return LABELS.get(field) + " " + p.errors().get(0).reason() + ".";
        }
        return "The profile was not saved: " + p.getMessage() + ".";
    }

    private static String quote(String s) {
        return "“" + PlainText.truncate(s, HINT_QUOTE) + "”";
    }

    private static String iso(Instant at) {
        return at.toString();
    }
}
