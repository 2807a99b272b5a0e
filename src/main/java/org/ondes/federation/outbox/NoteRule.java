package org.ondes.federation.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a station that comes on air gets a new go-live Note. Relays are one station: while its Note is open (some
 * session still listed) nothing new is posted. A station back on air within the minimum interval of its last Note
 * (posted or ended) is flapping: its last Note is reopened, without a new post, and ended again later.
 */
final class NoteRule {
    enum Decision { POST, REOPEN, NOTHING }

    private NoteRule() {
    }

    static Decision onAir(Optional<NoteFacts> last, Instant now, Duration minInterval) {
        if (last.isEmpty()) {
            return Decision.POST;
        }
        NoteFacts note = last.get();
        if (!note.ended()) {
            return Decision.NOTHING;
        }
        Instant latest = note.endedAt().isAfter(note.publishedAt()) ? note.endedAt() : note.publishedAt();
        return now.isBefore(latest.plus(minInterval)) ? Decision.REOPEN : Decision.POST;
    }
}
