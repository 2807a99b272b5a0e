package org.ondes.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import org.ondes.web.CurrentAccount;

import java.util.List;

@Controller("/api/v1/me/yp-tokens")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class YpTokensController {
    @Serdeable
    record NewToken(@Nullable String label) {
    }

    private final YpTokens tokens;

    YpTokensController(YpTokens tokens) {
        this.tokens = tokens;
    }

    @Post
    HttpResponse<CreatedYpToken> create(Authentication auth, @Nullable @Body NewToken body) {
        return HttpResponse.created(tokens.create(CurrentAccount.id(auth), body == null ? null : body.label()));
    }

    @Get
    List<YpTokenView> list(Authentication auth) {
        return tokens.list(CurrentAccount.id(auth));
    }

    @Delete("/{id}")
    HttpResponse<Void> revoke(Authentication auth, long id) {
        tokens.revoke(CurrentAccount.id(auth), id);
        return HttpResponse.noContent();
    }
}
