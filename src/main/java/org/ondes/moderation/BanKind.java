package org.ondes.moderation;

import org.ondes.web.ProblemException;

/** What a ban rule looks at (mod_ban_rules.kind). */
enum BanKind {
    /** The listen URL's host: one name, or every name under a domain ({@code *.example.net}). */
    HOST("host"),
    /** The address the YP request came from (through trusted proxies): one address or a CIDR range. */
    IP("ip"),
    /** The stream name Icecast announces: a glob or a regular expression. */
    NAME("name"),
    /** Every YP token of one account. */
    ACCOUNT("account");

    final String wire;

    BanKind(String wire) {
        this.wire = wire;
    }

    static BanKind parse(String wire) {
        for (BanKind k : values()) {
            if (k.wire.equals(wire)) {
                return k;
            }
        }
        throw ProblemException.badRequest("kind", "must be one of host, ip, name, account");
    }
}
