package org.ondes.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * CSRF tokens for browsers. A signed-in browser uses its session's token. A browser that is not signed in yet (the
 * sign-in and sign-up forms) gets a random token in the {@value #COOKIE} cookie and must send the same value back in
 * the form (double submit): a page on another site can make the browser send the cookie but cannot read it. Pages
 * put the token in a hidden {@value #FIELD} field; scripts send it as {@value #HEADER}.
 */
@Singleton
public class CsrfTokens {
    public static final String HEADER = "X-CSRF-Token";
    public static final String FIELD = "_csrf";
    public static final String COOKIE = "ondes_csrf";

    /** The token to embed, and the cookie to set with the response when a new pre-session token was made. */
    public record Issued(String token, @Nullable Cookie cookie) {
    }

    private final WebSessions sessions;
    private final BrowserCookies cookies;

    CsrfTokens(WebSessions sessions, BrowserCookies cookies) {
        this.sessions = sessions;
        this.cookies = cookies;
    }

    /** The token for the page answering this request: the session's, else the browser's pre-session token (made now if it has none). */
    public Issued issue(HttpRequest<?> request) {
        Optional<WebSessions.Current> session = WebSessions.of(request);
        if (session.isPresent()) {
            return new Issued(session.get().csrfToken(), null);
        }
        String existing = preSessionToken(request);
        if (existing != null) {
            return new Issued(existing, null);
        }
        String token = sessions.randomToken();
        return new Issued(token, cookies.csrf(token, request));
    }

    /** Whether {@code presented} is this browser's token (its session's, or its pre-session cookie's). */
    public boolean matches(HttpRequest<?> request, @Nullable String presented) {
        if (presented == null || presented.isEmpty()) {
            return false;
        }
        Optional<WebSessions.Current> session = WebSessions.of(request);
        if (session.isPresent() && equal(session.get().csrfToken(), presented)) {
            return true;
        }
        String cookie = preSessionToken(request);
        return cookie != null && equal(cookie, presented);
    }

    private static String preSessionToken(HttpRequest<?> request) {
        return request.getCookies().findCookie(COOKIE).map(Cookie::getValue).filter(WebSessions::wellFormed).orElse(null);
    }

    static boolean equal(String expected, String presented) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
