package org.ondes.accounts;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.ondes.limits.ClientAddresses;
import org.ondes.limits.Decision;
import org.ondes.limits.Limits;
import org.ondes.web.ProblemException;

/**
 * After too many failed sign-ins from one address, {@code POST /login} answers 429 problem+json with
 * {@code Retry-After} until the address's wait is over, without checking the password (an Argon2id hash each). A
 * filter, because Micronaut Security turns anything its authentication providers throw into a 401.
 */
@ServerFilter(value = "/login", methods = HttpMethod.POST)
class LoginThrottleFilter {
    private final ClientAddresses clients;
    private final Limits limits;

    LoginThrottleFilter(ClientAddresses clients, Limits limits) {
        this.clients = clients;
        this.limits = limits;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    void check(HttpRequest<?> request) {
        Decision wait = limits.signInAllowed(clients.of(request));
        if (!wait.allowed()) {
            throw ProblemException.tooManyRequests("too many failed sign-ins from your address; try again in "
                    + wait.retryAfterText(), wait.retryAfter());
        }
    }
}
