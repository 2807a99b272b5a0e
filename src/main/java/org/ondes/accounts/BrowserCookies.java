package org.ondes.accounts;

import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import org.ondes.config.PublicUrls;

import java.time.Duration;

/**
 * The two cookies Ondes sets, always HttpOnly, SameSite=Lax, Path=/ and, when ONDES_PUBLIC_URL is https, Secure:
 * {@value WebSessions#COOKIE} (the signed-in session, for the session's lifetime) and {@value CsrfTokens#COOKIE}
 * (the CSRF token of a browser that is not signed in yet, until the browser closes).
 */
@Singleton
class BrowserCookies {
    private final PublicUrls urls;
    private final SessionSettings settings;

    BrowserCookies(PublicUrls urls, SessionSettings settings) {
        this.urls = urls;
        this.settings = settings;
    }

    Cookie session(String token) {
        return base(WebSessions.COOKIE, token).maxAge(settings.ttl());
    }

    Cookie clearSession() {
        return base(WebSessions.COOKIE, "").maxAge(Duration.ZERO);
    }

    Cookie csrf(String token) {
        return base(CsrfTokens.COOKIE, token);
    }

    Cookie clearCsrf() {
        return base(CsrfTokens.COOKIE, "").maxAge(Duration.ZERO);
    }

    private Cookie base(String name, String value) {
        return Cookie.of(name, value).httpOnly(true).sameSite(SameSite.Lax).path("/")
                .secure(urls.base().startsWith("https:"));
    }
}
