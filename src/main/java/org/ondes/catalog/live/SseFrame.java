package org.ondes.catalog.live;

/**
 * One complete, already encoded piece of a {@code text/event-stream} (an event, a comment or a retry hint, each ending
 * with its blank line). Encoded once and shared by every client that receives it.
 *
 * @param id   the event id, or 0 for frames that are not stored events (comments, resync)
 * @param text the wire text, see {@link SseFraming}
 */
record SseFrame(long id, String text) {
}
