package org.ondes.streams;

/** What a successful touch tells Icecast (and the owner) about the session's listing state and visibility. */
public final class StateMessages {
    public static final String LISTED = "Updated server info.";
    public static final String PENDING = "Updated server info. Not listed yet: the directory is checking the listen URL.";
    public static final String UNREACHABLE_PREFIX = "Updated server info. Not listed: ";
    public static final String HIDDEN_BY_OWNER = "Updated server info. Not listed: you made this station unlisted (reachable by its direct link only).";
    public static final String HIDDEN_BY_MODERATOR_PREFIX = "Updated server info. Not listed: hidden by a moderator: ";

    private StateMessages() {
    }
}
