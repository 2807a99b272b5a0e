package org.ondes.accounts;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.filter.FilterBodyParser;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import org.ondes.web.Problem;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * Cross-site request forgery guard for cookie-authenticated writes. A POST, PUT, PATCH or DELETE made with a session
 * cookie must come from this instance's pages ({@code Origin}, when the browser sends it) and carry the session's CSRF
 * token, as the {@code X-CSRF-Token} header or, for HTML forms, the {@code _csrf} field; otherwise it is refused with a
 * 403 problem+json. Bearer-token requests are not concerned (the browser never adds that header by itself). The
 * sign-in, sign-up, sign-out and admin setup forms check their token themselves and redirect on failure. Runs after
 * the security filter, which has found the session.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
class CsrfFilter implements HttpServerFilter {
    static final Set<String> FORM_ROUTES = Set.of(SignInController.SIGN_IN, SignInController.SIGN_UP, SignInController.SIGN_OUT,
            AdminSetup.PATH);
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    private final CsrfTokens tokens;
    private final Origins origins;
    private final FilterBodyParser bodies;
    private final Scheduler blocking;

    CsrfFilter(CsrfTokens tokens, Origins origins, FilterBodyParser bodies,
               @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.tokens = tokens;
        this.origins = origins;
        this.bodies = bodies;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (SAFE.contains(request.getMethod()) || FORM_ROUTES.contains(request.getPath())
                || WebSessions.of(request).isEmpty()) {
            return chain.proceed(request);
        }
        if (!origins.allowed(request)) {
            return Publishers.just(refuse(request, "cross-site request refused: its Origin is not this directory (ONDES_PUBLIC_URL)"));
        }
        String header = request.getHeaders().get(CsrfTokens.HEADER);
        if (header != null) {
            return checked(request, chain, header);
        }
        Optional<MediaType> type = request.getContentType();
        if (type.isPresent() && type.get().matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            // The parsed form arrives inside Netty's body buffer callback; continuing there would make the controller's
            // own reading of the body re-enter that buffer (Micronaut 4.10 fails it), so continue on another thread.
            return Mono.fromFuture(bodies.parseBody(request))
                    .defaultIfEmpty(Map.of())
                    .onErrorReturn(Map.of())
                    .publishOn(blocking)
                    .flatMapMany(form -> checked(request, chain, form.get(CsrfTokens.FIELD) instanceof String s ? s : null));
        }
        return checked(request, chain, null);
    }

    private Publisher<MutableHttpResponse<?>> checked(HttpRequest<?> request, ServerFilterChain chain, String presented) {
        if (tokens.matches(request, presented)) {
            return chain.proceed(request);
        }
        return Publishers.just(refuse(request, (presented == null ? "missing" : "wrong") + " CSRF token: send the "
                + "csrfToken of GET /api/v1/session as the " + CsrfTokens.HEADER + " header (or the "
                + CsrfTokens.FIELD + " form field)"));
    }

    private static MutableHttpResponse<?> refuse(HttpRequest<?> request, String detail) {
        return HttpResponse.status(HttpStatus.FORBIDDEN)
                .body(Problem.of(403, "Forbidden", detail, request.getPath()))
                .contentType(MediaType.of(Problem.MEDIA_TYPE));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
