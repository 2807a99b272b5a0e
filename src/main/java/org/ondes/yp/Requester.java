package org.ondes.yp;

import org.ondes.limits.ClientAddress;

/** Where a YP request came from (through trusted proxies only): for the owner's diagnostics, limits and ban rules. */
record Requester(ClientAddress client, String userAgent) {
    String ip() {
        return client.text();
    }
}
