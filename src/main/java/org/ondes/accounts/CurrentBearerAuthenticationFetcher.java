package org.ondes.accounts;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.event.TokenValidatedEvent;
import io.micronaut.security.token.TokenAuthenticationFetcher;
import io.micronaut.security.token.reader.TokenResolver;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.ondes.web.CurrentAccount;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * Bearer tokens (JWTs from {@code POST /login}) as Micronaut Security checks them, plus the account's standing now: a
 * token of a suspended or deleted account authenticates nobody, and the role is the account's current one, not the
 * one written into the token when it was issued. So suspensions and role changes apply at once to scripts too.
 */
@Singleton
@Replaces(TokenAuthenticationFetcher.class)
class CurrentBearerAuthenticationFetcher extends TokenAuthenticationFetcher {
    private final Provider<Accounts> accounts;
    private final Scheduler blocking;

    CurrentBearerAuthenticationFetcher(Collection<TokenValidator<HttpRequest<?>>> tokenValidators,
                                       TokenResolver<HttpRequest<?>> tokenResolver,
                                       ApplicationEventPublisher<TokenValidatedEvent> tokenValidatedEventPublisher,
                                       Provider<Accounts> accounts, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        super(tokenValidators, tokenResolver, tokenValidatedEventPublisher);
        this.accounts = accounts;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        return Flux.from(super.fetchAuthentication(request)).concatMap(this::current);
    }

    private Mono<Authentication> current(Authentication token) {
        long id;
        try {
            id = CurrentAccount.id(token);
        } catch (RuntimeException e) {
            return Mono.empty();
        }
        return Mono.fromCallable(() -> accounts.get().standing(id).orElse(null))
                .subscribeOn(blocking)
                .map(p -> {
                    Map<String, Object> attributes = new HashMap<>(token.getAttributes());
                    attributes.remove("roles");
                    attributes.put(CurrentAccount.ACCOUNT_ID, p.accountId());
                    return Authentication.build(p.username(), List.of(p.role()), attributes);
                });
    }
}
