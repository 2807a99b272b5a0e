package org.ondes.federation.delivery;

/**
 * An inbox answered 410 Gone (or 404 three times): the actors behind it are to be forgotten as followers. Published
 * in-process, once, by the instance whose attempt found out, after the delivery row is removed.
 *
 * @param inbox the inbox URL exactly as it was queued
 */
public record InboxGone(String inbox) {
}
