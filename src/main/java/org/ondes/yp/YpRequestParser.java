package org.ondes.yp;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.ondes.text.PlainText;

/**
 * Parses the form-encoded requests that Icecast 2.4, 2.5 and Icecast-KH send to a YP directory
 * (docs/yp-protocol.md §2). Lenient by design: it never throws and never rejects a request for
 * malformed or over-long values, because a refused add makes Icecast wait two hours.
 */
public final class YpRequestParser {

    static final int MAX_NAME = 200;
    static final int MAX_GENRE = 200;
    static final int MAX_DESCRIPTION = 1000;
    static final int MAX_HOMEPAGE = 500;
    static final int MAX_LISTEN_URL = 1000;
    static final int MAX_CONTENT_TYPE = 100;
    static final int MAX_SUBTYPE = 100;
    static final int MAX_CURRENT_SONG = 500;
    static final int MAX_ADMIN = 200;
    static final int MAX_LANGUAGE = 35;
    static final int MAX_SOURCE_INSTANCE = 64;
    static final int MAX_CLUSTER_PASSWORD = 100;
    static final int MAX_SID = 128;
    static final int MAX_ACTION = 16;

    /** Parameters with a meaning of their own: never taken for an unnamed KH audio-info blob. */
    private static final Set<String> NAMED = Set.of("action", "sn", "genre", "cpswd", "desc", "url",
            "listenurl", "type", "stype", "b", "admin", "language", "sourceinstance", "audioinfo", "sid", "st",
            "listeners", "max_listeners");
    private static final Pattern BLOB_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    private static final Pattern MORE_PAIRS = Pattern.compile(";\\s*[A-Za-z][A-Za-z0-9_-]*\\s*=");

    private YpRequestParser() {
    }

    /**
     * @param body     the raw request body (may be null or empty)
     * @param rawQuery the raw (still percent-encoded) query string, used only when the body is empty
     *                 or blank; may be null
     */
    public static YpRequest parse(byte[] body, String rawQuery) {
        FormBody form = FormBody.parse(input(body, rawQuery));
        String action = PlainText.clean(form.get("action"), MAX_ACTION);
        if (action == null) {
            return new YpRequest.Unknown(null);
        }
        switch (action.toLowerCase(Locale.ROOT)) {
            case "add":
                return add(form);
            case "touch":
                return touch(form);
            case "remove":
                return new YpRequest.Remove(text(form, "sid", MAX_SID));
            default:
                return new YpRequest.Unknown(action);
        }
    }

    private static YpRequest.Add add(FormBody form) {
        AudioInfo audio = AudioInfo.parse(findAudioInfo(form));
        Integer b = Numbers.kbps(Numbers.lenientInt(form.get("b")));
        return new YpRequest.Add(
                text(form, "sn", MAX_NAME),
                text(form, "genre", MAX_GENRE),
                PlainText.fromHtml(form.get("desc"), MAX_DESCRIPTION),
                text(form, "url", MAX_HOMEPAGE),
                text(form, "listenurl", MAX_LISTEN_URL),
                text(form, "type", MAX_CONTENT_TYPE),
                text(form, "stype", MAX_SUBTYPE),
                b != null ? b : audio.bitrateKbps(),
                audio.quality(),
                number(form, "samplerate", audio.samplerate()),
                number(form, "channels", audio.channels()),
                text(form, "admin", MAX_ADMIN),
                text(form, "language", MAX_LANGUAGE),
                text(form, "sourceinstance", MAX_SOURCE_INSTANCE),
                text(form, "cpswd", MAX_CLUSTER_PASSWORD));
    }

    private static YpRequest.Touch touch(FormBody form) {
        AudioInfo audio = AudioInfo.parse(findAudioInfo(form));
        return new YpRequest.Touch(
                text(form, "sid", MAX_SID),
                text(form, "st", MAX_CURRENT_SONG),
                Numbers.lenientInt(form.get("listeners")),
                Numbers.lenientInt(form.get("max_listeners")),
                text(form, "stype", MAX_SUBTYPE),
                number(form, "samplerate", audio.samplerate()),
                number(form, "channels", audio.channels()));
    }

    /**
     * §2.5 step 4: the 2.5 {@code audioinfo} parameter; else the first key-only segment whose decoded
     * text contains '=' (2.4); else the first parameter, not one of the named YP parameters, whose value
     * holds ';' followed by another {@code key=} (KH's raw blob), re-joined as {@code key=value}.
     */
    static String findAudioInfo(FormBody form) {
        String named = form.get("audioinfo");
        if (named != null && !named.isBlank()) {
            return named;
        }
        for (String segment : form.keyOnly()) {
            if (segment.indexOf('=') >= 0) {
                return segment;
            }
        }
        for (FormBody.Param p : form.params()) {
            if (!NAMED.contains(p.name()) && BLOB_KEY.matcher(p.rawName()).matches()
                    && MORE_PAIRS.matcher(p.value()).find()) {
                return p.rawName() + "=" + p.value();
            }
        }
        return null;
    }

    private static String text(FormBody form, String name, int max) {
        return PlainText.clean(form.get(name), max);
    }

    private static Integer number(FormBody form, String name, Integer fallback) {
        Integer value = Numbers.lenientInt(form.get(name));
        return value != null ? value : fallback;
    }

    private static byte[] input(byte[] body, String rawQuery) {
        if (body != null && !isBlank(body)) {
            return body;
        }
        if (rawQuery == null) {
            return new byte[0];
        }
        String query = rawQuery.startsWith("?") ? rawQuery.substring(1) : rawQuery;
        return query.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
