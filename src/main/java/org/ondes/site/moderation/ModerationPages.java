package org.ondes.site.moderation;

import io.micronaut.core.annotation.Nullable;
import org.ondes.moderation.ModeratedStationView;
import org.ondes.moderation.ModeratedUserView;
import org.ondes.site.Formats;
import org.ondes.site.PageMeta;

import java.util.List;
import java.util.Map;

/** Builds the {@link ModerationPage} from the moderation facade's lists. */
final class ModerationPages {
    static final int PAGE_SIZE = 50;

    /** What a moderator is told after an action worked ({@code ?done=…}); unknown codes say nothing. */
    static final Map<String, String> DONE = Map.of(
            "hidden", "The station is hidden from every public list. Its owner sees your reason.",
            "unhidden", "The station is public again (unless its owner hides it).",
            "suspended", "The account is suspended: its browser sessions ended, its YP tokens are refused and its streams left the list.",
            "unsuspended", "The account is active again. Its streams return when its Icecast announces them.");

    private ModerationPages() {
    }

    static ModerationPage build(PageMeta meta, ModeratedStationView.Page all, int offset, ModeratedStationView.Page hidden,
                                ModeratedUserView.Page suspended, @Nullable String done, @Nullable String stationsError,
                                @Nullable String usersError, ModerationPage.Typed typed) {
        List<ModerationPage.StationLine> stations = all.items().stream().map(ModerationPages::station).toList();
        String older = offset + PAGE_SIZE < all.total() ? "/moderation?offset=" + (offset + PAGE_SIZE) + "#stations" : null;
        String newer = offset > 0 ? "/moderation" + (offset - PAGE_SIZE > 0 ? "?offset=" + (offset - PAGE_SIZE) : "") + "#stations" : null;
        return new ModerationPage(meta, stations, all.total(), older, newer,
                hidden.items().stream().map(ModerationPages::station).toList(), hidden.total(),
                suspended.items().stream().filter(u -> u.suspension() != null).map(ModerationPages::user).toList(),
                suspended.total(), done == null ? null : DONE.get(done), stationsError, usersError, typed);
    }

    static ModerationPage.StationLine station(ModeratedStationView s) {
        ModeratedStationView.Hide hide = s.hiddenByModerator();
        String status;
        if (hide != null) {
            status = "Hidden by " + (hide.hiddenBy() == null ? "a moderator" : hide.hiddenBy());
        } else if (s.hiddenByOwner()) {
            status = "Hidden by its owner";
        } else {
            status = s.live() ? "Live" : "Not live";
        }
        boolean visible = hide == null && !s.hiddenByOwner();
        return new ModerationPage.StationLine(s.id().toString(), s.name(), s.owner() == null ? "?" : s.owner(), s.live(),
                status, visible ? "/stations/" + s.id() : null, hide != null, hide == null ? null : hide.reason(),
                hide == null ? null : hide.hiddenBy(), hide == null ? null : hide.hiddenAt().toString(),
                hide == null ? null : Formats.dateTime(hide.hiddenAt()));
    }

    static ModerationPage.UserLine user(ModeratedUserView u) {
        ModeratedUserView.Suspension s = u.suspension();
        return new ModerationPage.UserLine(u.username(), u.role(), s.reason(), s.suspendedBy(), s.suspendedAt().toString(),
                Formats.dateTime(s.suspendedAt()));
    }
}
