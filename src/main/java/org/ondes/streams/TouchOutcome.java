package org.ondes.streams;

import java.util.UUID;

/** Result of a touch: applied (with the message the owner and Icecast see), not found, or not applied because we were busy. */
public sealed interface TouchOutcome {
    record Touched(UUID sessionId, String state, String message) implements TouchOutcome {
    }

    record Missed() implements TouchOutcome {
    }

    record Busy(String why) implements TouchOutcome {
    }
}
