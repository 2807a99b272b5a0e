package org.ondes.site.me;

import org.junit.jupiter.api.Test;
import org.ondes.streams.StationView;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ondes.site.me.Views.session;
import static org.ondes.site.me.Views.station;

class SessionStatesTest {
    @Test
    void liveSessionsShowTheirCheckStateAndWhy() {
        StationView.Session pending = session("pending", null, null);
        assertEquals(new SessionStates.Shown("pending", "Pending",
                "Ondes is checking that the listen URL plays. This takes a few seconds."), SessionStates.of(station(false, null), pending));
        StationView.Session retrying = session("pending", "Retrying the check: connection refused", null);
        assertEquals("Retrying the check: connection refused", SessionStates.of(station(false, null), retrying).reason());
        StationView.Session unreachable = session("unreachable", "HTTP 404 from the listen URL", null);
        assertEquals(new SessionStates.Shown("unreachable", "Unreachable", "HTTP 404 from the listen URL"),
                SessionStates.of(station(false, null), unreachable));
        assertEquals("listed", SessionStates.of(station(false, null), session("listed", null, null)).state());
    }

    @Test
    void aHiddenStationIsNotPublicWhateverItsSessionsCheckSaid() {
        StationView.ModeratorHide hide = new StationView.ModeratorHide("spam links", Views.T);
        assertEquals(new SessionStates.Shown("hidden", "Hidden by a moderator", "spam links"),
                SessionStates.of(station(false, hide), session("listed", null, null)));
        assertEquals("Hidden by a moderator", SessionStates.of(station(true, hide), session("pending", null, null)).label(),
                "the moderator's decision comes before the owner's");
        assertEquals(new SessionStates.Shown("unlisted", "Unlisted", "It plays for whoever has the station's link; it is"
                        + " in no list, search or feed, as you chose in this station's profile."),
                SessionStates.of(station(true, null), session("listed", null, null)));
        assertEquals("pending", SessionStates.of(station(true, null), session("pending", null, null)).state(),
                "an unlisted station's check still shows");
    }

    @Test
    void endedSessionsSayWhyTheyEnded() {
        StationView hidden = station(false, new StationView.ModeratorHide("x", Views.T));
        assertEquals("expired", SessionStates.of(hidden, session("ended", null, "expired")).state(),
                "an ended session is ended, hidden or not");
        assertEquals(new SessionStates.Shown("ended", "Ended", "The YP token it was announced with was revoked."),
                SessionStates.of(station(false, null), session("ended", null, "token revoked")));
        assertEquals("Icecast removed it: its source stopped.",
                SessionStates.of(station(false, null), session("ended", null, "removed")).reason());
        assertEquals("some new reason", SessionStates.of(station(false, null), session("ended", null, "some new reason")).reason());
        assertEquals(new SessionStates.Shown("banned", "Refused by the moderators", "casino spam"),
                SessionStates.of(station(false, null), session("ended", null,
                        "refused by this directory's moderators: casino spam")));
    }
}
