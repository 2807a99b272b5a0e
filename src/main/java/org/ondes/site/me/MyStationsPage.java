package org.ondes.site.me;

import io.micronaut.core.annotation.Nullable;
import org.ondes.site.PageMeta;

import java.util.List;

/**
 * The signed-in streamer's stations ({@code /me}): each station with its sessions' states and why, the last YP
 * exchange, and a profile form that works without JavaScript.
 *
 * @param notice      a message about the page as a whole (e.g. a sign-out that needs a fresh page), or null
 * @param accountBans the reasons of the moderators' rules that refuse this account's streams
 */
public record MyStationsPage(PageMeta meta, List<Station> stations, @Nullable String notice, String tokensHref,
                             List<String> accountBans) {

    /**
     * One station.
     *
     * @param publicHref  its page while its link works (listed or unlisted), else null
     * @param hiddenNote  why it is not in the lists (a moderator's reason, or unlisted by the owner), else null
     * @param listingNote the raw note of the API ({@code listingNote}), which the page's script compares
     * @param saved       the profile was just saved
     * @param open        the profile form starts unfolded (after a refused edit)
     * @param formError   why the last edit was refused, or null
     */
    public record Station(String id, String anchor, String name, @Nullable String publicHref, @Nullable String hiddenNote,
                          boolean hiddenByModerator, String listingNote, List<SessionLine> sessions, boolean saved,
                          String action, List<Field> fields, boolean hidden, boolean open, @Nullable String formError,
                          String formErrorId) {
    }

    /**
     * One session (one listen URL announced by Icecast).
     *
     * @param state    the state shown, also {@code data-state}: pending, listed, unreachable, hidden, expired, ended
     * @param rawState and {@code rawReason}, {@code lastRequestIso}: as the API has them, for the page's script
     */
    public record SessionLine(String id, String state, String label, @Nullable String reason, String rawState,
                              String rawReason, String listenUrl, @Nullable String listenHref, String format,
                              @Nullable String currentSong, String listeners, String lastRequestIso,
                              String lastRequestText, @Nullable String lastMessage, String startedIso,
                              String startedText, @Nullable String endedIso, @Nullable String endedText) {
    }

    /**
     * A text field of the profile form; {@code id}s are unique on the page.
     *
     * @param kind        text, url or textarea
     * @param describedBy the hint's id, plus the error's when the field was refused
     */
    public record Field(String id, String name, String label, String kind, String value, String hint, String hintId,
                        @Nullable String error, String errorId, String describedBy, @Nullable String invalid,
                        int maxLength) {
    }
}
