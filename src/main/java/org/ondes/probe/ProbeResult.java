package org.ondes.probe;

/** The verdict of {@link ListenUrlProbe#check}: a listen URL either plays or it does not. */
public sealed interface ProbeResult {

    /**
     * The URL answered 200 with an audio content type and sent audio data.
     *
     * @param contentType the media type without parameters, e.g. "audio/mpeg"
     * @param status      the status code (200)
     * @param millis      time from the start of the check until the audio sample was read
     * @param connectedTo the address that answered, e.g. "203.0.113.7:8000"
     */
    record Reachable(String contentType, int status, long millis, String connectedTo) implements ProbeResult {
        public Reachable {
            contentType = Text.clean(contentType, 100);
            connectedTo = Text.clean(connectedTo, 100);
        }
    }

    /**
     * The URL does not play.
     *
     * @param reason one printable line of at most 200 characters, fit for a streamer, a log or a header
     */
    record Unreachable(String reason) implements ProbeResult {
        public Unreachable {
            reason = Text.clean(reason, Text.MAX_REASON);
        }
    }

    /**
     * The check did not run: too many checks of the same host are already under way. Try again shortly; this says
     * nothing about the URL.
     */
    record Deferred(String reason) implements ProbeResult {
        public Deferred {
            reason = Text.clean(reason, Text.MAX_REASON);
        }
    }

    default boolean reachable() {
        return this instanceof Reachable;
    }
}
