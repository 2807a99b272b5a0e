package org.ondes.accounts;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.ondes.text.PlainText;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Browser sign-ins: a server-side session per sign-in, named by a cookie that carries 256 random bits (stored only as
 * their SHA-256 hash). Signing out deletes the row, so a copied cookie stops working at once; so do suspension (all of
 * the account's sessions are deleted) and expiry ({@code ONDES_SESSION_TTL} after sign-in). The role is read from the
 * account on every request, so role changes apply at once.
 */
@Singleton
public class WebSessions {
    public static final String COOKIE = "ondes_session";
    /** The request attribute under which a cookie-authenticated request carries its {@link Current} session. */
    public static final String REQUEST_ATTRIBUTE = "ondes.webSession";
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final int MAX_USER_AGENT = 200;

    /** A signed-in browser: the session, its account as it stands now, and the session's CSRF token. */
    public record Current(long sessionId, long accountId, String username, String role, String csrfToken) {
    }

    /** A new session: the cookie value (shown once, in Set-Cookie) and its CSRF token. */
    record Opened(String token, String csrfToken) {
    }

    private final WebSessionStore store;
    private final SessionSettings settings;
    private final SecureRandom random = new SecureRandom();

    WebSessions(WebSessionStore store, SessionSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    /** The session a cookie-authenticated request was authenticated with (absent for bearer or anonymous requests). */
    public static Optional<Current> of(HttpRequest<?> request) {
        return request.getAttribute(REQUEST_ATTRIBUTE, Current.class);
    }

    @Transactional
    Opened open(Accounts.Principal principal, String userAgent) {
        String token = randomToken();
        String csrf = randomToken();
        store.insert(principal.accountId(), YpTokens.hash(token), csrf, PlainText.clean(userAgent, MAX_USER_AGENT),
                settings.ttl());
        return new Opened(token, csrf);
    }

    /** The live session named by a cookie value; empty for malformed, unknown, expired or suspended ones. */
    @Transactional
    public Optional<Current> find(String cookieValue) {
        if (!wellFormed(cookieValue)) {
            return Optional.empty();
        }
        return store.find(YpTokens.hash(cookieValue));
    }

    /** Ends the session named by a cookie value (sign-out); unknown values are ignored. */
    @Transactional
    void end(String cookieValue) {
        if (wellFormed(cookieValue)) {
            store.delete(YpTokens.hash(cookieValue));
        }
    }

    @Transactional
    int purgeExpired() {
        return store.purgeExpired();
    }

    static boolean wellFormed(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    String randomToken() {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
