package org.ondes.accounts;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import io.micronaut.security.token.TokenAuthenticationFetcher;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.ondes.web.CurrentAccount;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * Authenticates browsers by their session cookie. The lookup runs on the blocking executor, never on the event loop.
 * A request that carries an {@code Authorization} header is left to the bearer-token fetcher, so exactly one of the two
 * decides. The session found is kept on the request ({@link WebSessions#REQUEST_ATTRIBUTE}) for the CSRF check.
 */
@Singleton
class SessionAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {
    /** The authentication attribute that marks a cookie session (absent for bearer tokens). */
    static final String VIA = "via";
    private final WebSessions sessions;
    private final Scheduler blocking;

    SessionAuthenticationFetcher(WebSessions sessions, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.sessions = sessions;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        if (request.getHeaders().contains(HttpHeaders.AUTHORIZATION)) {
            return Mono.empty();
        }
        String value = request.getCookies().findCookie(WebSessions.COOKIE).map(Cookie::getValue).orElse(null);
        if (!WebSessions.wellFormed(value)) {
            return Mono.empty();
        }
        return Mono.fromCallable(() -> sessions.find(value).orElse(null))
                .subscribeOn(blocking)
                .map(current -> {
                    request.setAttribute(WebSessions.REQUEST_ATTRIBUTE, current);
                    return Authentication.build(current.username(), List.of(current.role()),
                            Map.of(CurrentAccount.ACCOUNT_ID, current.accountId(), VIA, "session"));
                });
    }

    @Override
    public int getOrder() {
        return TokenAuthenticationFetcher.ORDER + 1;
    }
}
