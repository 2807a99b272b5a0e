package org.ondes.probe;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What {@link GuardedHttpClient} sends after a redirect: the method, body and headers the status code calls for. */
final class Redirects {
    /** The statuses followed (when the request allows redirects and names a Location). */
    static final Set<Integer> STATUSES = Set.of(301, 302, 303, 307, 308);
    private static final Set<String> CREDENTIALS = Set.of("authorization", "cookie", "proxy-authorization");

    private Redirects() {
    }

    /** The request a redirect asks for: 303 (and 301/302 after POST) become a GET without body. */
    static Request follow(Request req, int status, String location) throws ProbeException {
        URI next;
        try {
            URI base = req.uri();
            if (base.getRawPath() == null || base.getRawPath().isEmpty()) {
                base = base.resolve("/");
            }
            next = base.resolve(new URI(location.trim()));
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw new ProbeException(ProbeException.Kind.INVALID_URL,
                    "redirect to an invalid URL refused: " + Text.clean(location, 80));
        }
        String method = req.method();
        byte[] body = req.body();
        Map<String, String> headers = new LinkedHashMap<>(req.headers());
        boolean toGet = (status == 303 && !method.equals("HEAD"))
                || ((status == 301 || status == 302) && method.equals("POST"));
        if (toGet) {
            method = "GET";
            body = null;
            headers.keySet().removeIf(name -> name.toLowerCase(Locale.ROOT).startsWith("content-"));
        }
        if (!sameOrigin(req.uri(), next)) {
            headers.keySet().removeIf(name -> CREDENTIALS.contains(name.toLowerCase(Locale.ROOT)));
        }
        return req.redirected(method, next, headers, body);
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(String.valueOf(b.getScheme()))
                && a.getHost().equalsIgnoreCase(String.valueOf(b.getHost())) && a.getPort() == b.getPort();
    }
}
