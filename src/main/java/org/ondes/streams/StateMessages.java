package org.ondes.streams;

/** What a successful touch tells Icecast (and the owner) about the session's listing state. */
public final class StateMessages {
    public static final String LISTED = "Updated server info.";
    public static final String PENDING = "Updated server info. Not listed yet: the directory is checking the listen URL.";
    public static final String UNREACHABLE_PREFIX = "Updated server info. Not listed: ";

    private StateMessages() {
    }
}
