package org.ondes.yp;

/** Where a YP request came from (for the owner's diagnostics and, later, bans). */
record Requester(String ip, String userAgent) {
}
