package org.ondes.site;

/** A page that says what went wrong (a station that does not exist, a page the account may not see). */
public record ErrorPage(PageMeta meta, String heading, String message) {
}
