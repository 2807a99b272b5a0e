package org.ondes.accounts;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import org.ondes.config.PublicUrls;
import org.ondes.limits.ClientAddresses;

import java.time.Duration;

/**
 * The two cookies Ondes sets, always HttpOnly, SameSite=Lax, Path=/ and Secure when the browser uses https: when
 * ONDES_PUBLIC_URL is https, or when this request came over https (TLS, or a trusted proxy's X-Forwarded-Proto):
 * {@value WebSessions#COOKIE} (the signed-in session, for the session's lifetime) and {@value CsrfTokens#COOKIE}
 * (the CSRF token of a browser that is not signed in yet, until the browser closes).
 */
@Singleton
class BrowserCookies {
    private final PublicUrls urls;
    private final SessionSettings settings;
    private final ClientAddresses clients;

    BrowserCookies(PublicUrls urls, SessionSettings settings, ClientAddresses clients) {
        this.urls = urls;
        this.settings = settings;
        this.clients = clients;
    }

    Cookie session(String token, HttpRequest<?> request) {
        return base(WebSessions.COOKIE, token, request).maxAge(settings.ttl());
    }

    Cookie clearSession(HttpRequest<?> request) {
        return base(WebSessions.COOKIE, "", request).maxAge(Duration.ZERO);
    }

    Cookie csrf(String token, HttpRequest<?> request) {
        return base(CsrfTokens.COOKIE, token, request);
    }

    Cookie clearCsrf(HttpRequest<?> request) {
        return base(CsrfTokens.COOKIE, "", request).maxAge(Duration.ZERO);
    }

    private Cookie base(String name, String value, HttpRequest<?> request) {
        return Cookie.of(name, value).httpOnly(true).sameSite(SameSite.Lax).path("/")
                .secure(urls.base().startsWith("https:") || clients.https(request));
    }
}
