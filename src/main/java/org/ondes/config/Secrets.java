package org.ondes.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks credentials in text bound for a log or an error message: the YP token in {@code /api/icecast/yp/<token>}
 * (Icecast has nowhere else to send it), {@code Bearer} login tokens, session and CSRF cookies, and JSON or form
 * password fields. What is left names the request without letting a log reader use it.
 */
public final class Secrets {
    static final String MASK = "****";
    private static final Pattern YP_TOKEN = Pattern.compile("(/api/icecast/yp/)[^\\s/?#\"'<>\\\\]+");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");
    private static final Pattern COOKIE = Pattern.compile("(?i)((?:ondes_session|ondes_csrf)=)[^;,\\s\"]+");
    private static final Pattern PASSWORD = Pattern.compile(
            "(?i)(\"(?:password|access_token|_csrf)\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*(\")|((?:password|_csrf)=)[^&\\s]*");

    private Secrets() {
    }

    public static String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = YP_TOKEN.matcher(text).replaceAll("$1" + MASK);
        s = BEARER.matcher(s).replaceAll("$1" + MASK);
        s = COOKIE.matcher(s).replaceAll("$1" + MASK);
        return PASSWORD.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(3) != null
                ? m.group(3) + MASK : m.group(1) + MASK + m.group(2)));
    }
}
