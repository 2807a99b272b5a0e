package org.ondes.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import org.ondes.limits.ClientAddresses;
import org.ondes.limits.Decision;
import org.ondes.limits.Limit;
import org.ondes.limits.Limits;
import org.ondes.limits.Waits;
import org.ondes.web.ProblemException;

@Controller("/api/v1/accounts")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class AccountsController {
    @Serdeable
    record Registration(@Nullable String username, @Nullable String password, @Nullable String email,
                        @Nullable String invite) {
    }

    private final Accounts accounts;
    private final ClientAddresses clients;
    private final Limits limits;

    AccountsController(Accounts accounts, ClientAddresses clients, Limits limits) {
        this.accounts = accounts;
        this.clients = clients;
        this.limits = limits;
    }

    @Post
    HttpResponse<AccountView> register(@Body Registration body, HttpRequest<?> request) {
        Decision allowed = limits.acquire(Limit.SIGNUPS, clients.of(request).limitKey());
        if (!allowed.allowed()) {
            throw ProblemException.tooManyRequests("too many accounts were created from your address (more than "
                    + allowed.max() + " " + Waits.per(allowed.window()) + "); try again in " + allowed.retryAfterText(),
                    allowed.retryAfter());
        }
        return HttpResponse.created(accounts.register(body.username(), body.password(), body.email(), body.invite()));
    }
}
