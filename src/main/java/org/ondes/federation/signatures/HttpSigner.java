package org.ondes.federation.signatures;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Signs outgoing requests the way Mastodon accepts them: draft-cavage-12, {@code algorithm="rsa-sha256"}
 * (RSASSA-PKCS1-v1_5 with SHA-256), {@code (request-target)} with the query string.
 * <ul>
 *   <li>POST: signs {@code (request-target) host date digest content-type} and adds a
 *       {@code Digest: SHA-256=…} over the exact body bytes;</li>
 *   <li>GET: signs {@code (request-target) host date accept}.</li>
 * </ul>
 * Sign at send time, and again for every retry: receivers refuse a {@code Date} older than about an hour.
 *
 * <p><b>Host.</b> The {@code host} value signed must be byte for byte what the HTTP client sends. Java's
 * {@code HttpClient} computes {@code Host} itself (callers cannot set it) as the URI's host plus {@code :port} when
 * the URI names a port other than the scheme's default; {@link #hostHeader(URI)} computes exactly that. Pass the
 * same URI to the client and to {@link #post(URI, String, byte[], SigningKey)}/{@link #get(URI, String, SigningKey)}.
 */
public final class HttpSigner {

    /** The headers a POST signs, in order. */
    public static final List<String> POST_HEADERS = List.of("(request-target)", "host", "date", "digest", "content-type");
    /** The headers a GET signs, in order. */
    public static final List<String> GET_HEADERS = List.of("(request-target)", "host", "date", "accept");

    private final Clock clock;

    /** A signer that stamps {@code Date} from {@code clock}. */
    public HttpSigner(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Signs a POST of {@code body} (the exact bytes that will be sent) to {@code uri}.
     *
     * @return the headers to set on the request besides {@code Host}: {@code Date}, {@code Digest},
     *         {@code Content-Type} and {@code Signature}
     */
    public SignedHeaders post(URI uri, String contentType, byte[] body, SigningKey key) {
        return post(hostHeader(uri), requestTarget(uri), contentType, body, key);
    }

    /** As {@link #post(URI, String, byte[], SigningKey)}, for a caller that knows the exact Host and target. */
    public SignedHeaders post(String host, String requestTarget, String contentType, byte[] body, SigningKey key) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Date", HttpDate.format(clock.instant()));
        headers.put("Digest", Digest.digestHeader(body));
        headers.put("Content-Type", contentType);
        return sign("POST", requestTarget, host, headers, POST_HEADERS, key);
    }

    /**
     * Signs a GET of {@code uri}.
     *
     * @return the headers to set on the request besides {@code Host}: {@code Date}, {@code Accept} and
     *         {@code Signature}
     */
    public SignedHeaders get(URI uri, String accept, SigningKey key) {
        return get(hostHeader(uri), requestTarget(uri), accept, key);
    }

    /** As {@link #get(URI, String, SigningKey)}, for a caller that knows the exact Host and target. */
    public SignedHeaders get(String host, String requestTarget, String accept, SigningKey key) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Date", HttpDate.format(clock.instant()));
        headers.put("Accept", accept);
        return sign("GET", requestTarget, host, headers, GET_HEADERS, key);
    }

    private static SignedHeaders sign(String method, String requestTarget, String host, Map<String, String> headers,
                                      List<String> names, SigningKey key) {
        RequestHeaders all = new RequestHeaders().add("Host", host);
        headers.forEach(all::add);
        String signingString;
        try {
            signingString = SigningString.build(names, method, requestTarget, all, OptionalLong.empty(),
                    OptionalLong.empty());
        } catch (SigningString.MissingHeader e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        byte[] signature = rsaSha256(signingString, key);
        headers.put("Signature", "keyId=\"" + key.keyId() + "\",algorithm=\"rsa-sha256\",headers=\""
                + String.join(" ", names) + "\",signature=\"" + Base64.getEncoder().encodeToString(signature) + "\"");
        return new SignedHeaders(Collections.unmodifiableMap(headers));
    }

    static byte[] rsaSha256(String signingString, SigningKey key) {
        try {
            return RsaSha256.sign(signingString.getBytes(StandardCharsets.UTF_8), key.privateKey());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + key, e);
        }
    }

    /** The {@code Host} value Java's {@code HttpClient} sends for {@code uri}: host, plus {@code :port} if not default. */
    public static String hostHeader(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            throw new IllegalArgumentException("no host in " + uri);
        }
        int port = uri.getPort();
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        boolean defaultPort = port == -1 || (https ? port == 443 : port == 80);
        return defaultPort ? host : host + ":" + port;
    }

    /** The {@code (request-target)} path of {@code uri}: raw path (or {@code /}) plus {@code ?raw query} if any. */
    public static String requestTarget(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /** The headers to add to a signed request, in the order they were made. */
    public record SignedHeaders(Map<String, String> headers) {

        /** The value of one of them ({@code "Signature"}, {@code "Date"}, …). */
        public String get(String name) {
            return headers.get(name);
        }

        /** Sets every header on a JDK request builder (which adds {@code Host} itself). */
        public HttpRequest.Builder applyTo(HttpRequest.Builder builder) {
            headers.forEach(builder::setHeader);
            return builder;
        }
    }
}
