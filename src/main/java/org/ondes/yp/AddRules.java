package org.ondes.yp;

import org.ondes.probe.AddressPolicy;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Synchronous add validation: only checks that need no network I/O (a DNS name that resolves to a private address is
 * caught by the asynchronous listen-URL check instead). Each refusal names what to fix in icecast.xml.
 */
final class AddRules {
    /** Icecast's and common source clients' fallback names (whole-string, case-insensitive). */
    private static final Set<String> DEFAULT_NAMES = Set.of("unspecified name", "this is my server name", "stream name",
            "my station name", "-", "auto-dj", "autodj", "instreamer", "no name", "icecast");
    private static final Pattern STREAM_N = Pattern.compile("stream(-(64|96|128|256))?", Pattern.CASE_INSENSITIVE);

    sealed interface Verdict {
    }

    record Accepted(URI listenUrl, String homepage) implements Verdict {
    }

    record Refused(String reason) implements Verdict {
    }

    private final AddressPolicy policy;

    AddRules(AddressPolicy policy) {
        this.policy = policy;
    }

    Verdict check(YpRequest.Add add) {
        if (add.name() == null) {
            return new Refused("missing sn (stream name): set <stream-name> in the mount or the source client's stream name");
        }
        if (add.contentType() == null) {
            return new Refused("missing type (the stream's content type)");
        }
        if (add.listenUrl() == null) {
            return new Refused("missing listenurl");
        }
        String lower = add.name().strip().toLowerCase(Locale.ROOT);
        if (DEFAULT_NAMES.contains(lower) || STREAM_N.matcher(lower).matches()) {
            return new Refused("Default stream name \"" + add.name() + "\" detected: set <stream-name> in the mount"
                    + " or the name in your source client");
        }
        Optional<String> problem = listenUrlProblem(add.listenUrl());
        if (problem.isPresent()) {
            return new Refused(problem.get());
        }
        return new Accepted(URI.create(add.listenUrl()), homepage(add.homepage()));
    }

    private Optional<String> listenUrlProblem(String raw) {
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            return Optional.of(unparsable(raw));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("listen URL must use http or https" + (scheme.isEmpty() ? "" : ", not " + scheme));
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            return Optional.of(unparsable(raw));
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("listen URL must not contain a user name or password");
        }
        Optional<String> refused = policy.refuseWithoutLookup(host);
        if (refused.isPresent()) {
            return Optional.of(hostAdvice(refused.get()));
        }
        return Optional.empty();
    }

    private static String hostAdvice(String reason) {
        return "listen URL not reachable by listeners: " + reason + ". Set <hostname> in icecast.xml to this server's public name";
    }

    private static String unparsable(String raw) {
        return "could not parse listen URL \"" + raw + "\" (write an IPv6 <hostname> in brackets, e.g. [2001:db8::1])";
    }

    /** Keeps a home page only if it is an absolute http(s) URL; a bare "www.…" gets http:// like dir.xiph.org did. */
    static String homepage(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        if (s.toLowerCase(Locale.ROOT).startsWith("www.")) {
            s = "http://" + s;
        }
        try {
            URI uri = new URI(s);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getRawUserInfo() == null) {
                return uri.toString();
            }
        } catch (URISyntaxException e) {
            return null;
        }
        return null;
    }
}
