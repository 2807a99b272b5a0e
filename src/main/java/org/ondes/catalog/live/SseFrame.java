package org.ondes.catalog.live;

import java.nio.charset.StandardCharsets;

/**
 * One complete, already encoded piece of a {@code text/event-stream} (an event, a comment or a retry hint, each ending
 * with its blank line). Encoded once, to UTF-8 bytes too, and shared by every client that receives it: with 10,000
 * clients an event is written 10,000 times but encoded once.
 *
 * @param id    the event id, or 0 for frames that are not stored events (comments, resync)
 * @param text  the wire text, see {@link SseFraming}
 * @param bytes the same text as UTF-8; never modified
 */
record SseFrame(long id, String text, byte[] bytes) {
    SseFrame(long id, String text) {
        this(id, text, text.getBytes(StandardCharsets.UTF_8));
    }
}
