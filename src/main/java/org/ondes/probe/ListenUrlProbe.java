package org.ondes.probe;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks that a streamer's listen URL actually plays: it must answer 200 (HTTP or ICY) with an audio
 * content type and send some audio within the client's read timeout. Every failure comes back as a
 * reason the streamer can act on; this class never throws for a bad URL or an unreachable server.
 */
public final class ListenUrlProbe {

    /** How much audio is read to decide; Icecast's burst-on-connect usually delivers it at once. */
    public static final int SAMPLE_BYTES = 16 * 1024;
    public static final int MAX_REDIRECTS = 3;

    private static final Set<String> NON_AUDIO_STREAM_TYPES = Set.of("application/ogg", "application/x-ogg",
            "video/ogg", "video/webm");
    private static final Set<String> PLAYLIST_TYPES = Set.of("audio/x-mpegurl", "audio/mpegurl",
            "audio/x-scpls", "audio/scpls", "audio/x-ms-asx");

    private final GuardedHttpClient client;
    private final HostPermits permits;

    public ListenUrlProbe(GuardedHttpClient client) {
        this(client, new HostPermits(Integer.MAX_VALUE, java.time.Duration.ZERO));
    }

    ListenUrlProbe(GuardedHttpClient client, HostPermits permits) {
        if (client == null) {
            throw new IllegalArgumentException("client is required");
        }
        this.client = client;
        this.permits = permits;
    }

    public ProbeResult check(URI listenUrl) {
        if (listenUrl == null || !listenUrl.isAbsolute() || listenUrl.isOpaque()) {
            return new ProbeResult.Unreachable("listen URL must be a full address, like https://radio.example.org/live");
        }
        String scheme = listenUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return new ProbeResult.Unreachable("listen URL must use http or https");
        }
        Request request = new Request("GET", listenUrl, Map.of("Icy-MetaData", "0", "Accept", "*/*"), null,
                SAMPLE_BYTES, MAX_REDIRECTS, true);
        String host = listenUrl.getHost() == null ? listenUrl.getRawAuthority() : listenUrl.getHost();
        if (!permits.acquire(host)) {
            return new ProbeResult.Deferred("other checks of " + Text.clean(host, 100) + " are under way; checking again shortly");
        }
        Response response;
        try {
            response = client.send(request);
        } catch (ProbeException e) {
            return new ProbeResult.Unreachable(e.reason());
        } finally {
            permits.release(host);
        }
        return judge(response);
    }

    private ProbeResult judge(Response response) {
        int status = response.status();
        if (status == 401 || status == 403) {
            return new ProbeResult.Unreachable(statusText(response) + ": the server refused the directory's check"
                    + " (max-listeners reached or authentication required?)");
        }
        if (status == 404) {
            return new ProbeResult.Unreachable("HTTP 404: mount not found — is the source connected?");
        }
        if (status != 200) {
            return new ProbeResult.Unreachable(statusText(response) + ": the server did not send the stream");
        }
        String type = mediaType(response);
        if (type.isEmpty()) {
            return new ProbeResult.Unreachable("the server sent no content type; an audio stream needs one");
        }
        if (PLAYLIST_TYPES.contains(type)) {
            return new ProbeResult.Unreachable("content type " + type + " is a playlist, not a stream;"
                    + " use the stream URL listed in it");
        }
        if (!type.startsWith("audio/") && !NON_AUDIO_STREAM_TYPES.contains(type)) {
            return new ProbeResult.Unreachable("content type " + type + " is not an audio stream");
        }
        if (response.body().length == 0) {
            return new ProbeResult.Unreachable("connected, but no audio data arrived within "
                    + Text.seconds(client.readTimeout()));
        }
        return new ProbeResult.Reachable(type, status, response.elapsedMillis(),
                Text.endpoint(response.connectedTo()));
    }

    /** "HTTP 403 Forbidden", with the server's own wording cleaned and kept short. */
    private static String statusText(Response response) {
        String line = response.statusLine();
        int space = line.indexOf(' ', line.indexOf(' ') + 1);
        String phrase = space > 0 ? Text.clean(line.substring(space + 1), 40) : "";
        return "HTTP " + response.status() + (phrase.isEmpty() ? "" : " " + phrase);
    }

    /** The content type without parameters, lower-case and cleaned, or "" when there is none. */
    private static String mediaType(Response response) {
        String value = response.header("Content-Type").orElse("");
        int semicolon = value.indexOf(';');
        String type = (semicolon >= 0 ? value.substring(0, semicolon) : value).trim().toLowerCase(Locale.ROOT);
        return Text.clean(type, 60);
    }
}
