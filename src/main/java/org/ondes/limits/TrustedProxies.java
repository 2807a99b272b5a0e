package org.ondes.limits;

import io.micronaut.core.annotation.Nullable;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The reverse proxies whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} Ondes believes
 * (ONDES_TRUSTED_PROXIES: addresses and ranges, comma-separated; empty = believe nobody). Anybody can send those
 * headers, so they count only when the peer that connected is one of these proxies; then the chain is read from the
 * right (the hop nearest to Ondes), skipping further trusted proxies, and the first address that is not one is the
 * client. An entry that is not an IP address stops the walk at the proxy that wrote it.
 */
final class TrustedProxies {
    private final List<Cidr> ranges;

    private TrustedProxies(List<Cidr> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** Parses the setting; throws IllegalArgumentException naming a bad entry. */
    static TrustedProxies parse(@Nullable String setting) {
        List<Cidr> ranges = new ArrayList<>();
        if (setting != null) {
            for (String entry : setting.split("[,\\s]+")) {
                if (!entry.isBlank()) {
                    ranges.add(Cidr.parse(entry));
                }
            }
        }
        return new TrustedProxies(ranges);
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    List<Cidr> ranges() {
        return ranges;
    }

    boolean trusts(InetAddress address) {
        for (Cidr c : ranges) {
            if (c.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The client's address: {@code peer} (the socket's remote address) unless it is trusted, else the rightmost
     * untrusted address of {@code forwardedFor} (every {@code X-Forwarded-For} header line, in order).
     */
    InetAddress client(InetAddress peer, List<String> forwardedFor) {
        InetAddress hop = IpLiterals.normalise(peer);
        if (!trusts(hop) || forwardedFor.isEmpty()) {
            return hop;
        }
        List<String> entries = new ArrayList<>();
        for (String line : forwardedFor) {
            for (String e : line.split(",", -1)) {
                entries.add(e);
            }
        }
        for (int i = entries.size() - 1; i >= 0; i--) {
            InetAddress next = IpLiterals.parse(entries.get(i));
            if (next == null) {
                return hop; // garbage, written by the trusted hop we reached: that hop is all we know
            }
            hop = next;
            if (!trusts(hop)) {
                return hop;
            }
        }
        return hop; // every hop is trusted: the client is the leftmost, e.g. a machine of the proxies' own network
    }

    /** Whether a trusted {@code peer} says the client used https (the first {@code X-Forwarded-Proto} value). */
    boolean forwardedHttps(InetAddress peer, List<String> forwardedProto) {
        if (forwardedProto.isEmpty() || !trusts(IpLiterals.normalise(peer))) {
            return false;
        }
        String first = forwardedProto.get(0).split(",", 2)[0].strip().toLowerCase(Locale.ROOT);
        return first.equals("https");
    }
}
