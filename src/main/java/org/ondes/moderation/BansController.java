package org.ondes.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import org.ondes.accounts.Role;
import org.ondes.web.ProblemException;

/** Ban rules (moderators and admins): list, create (which ends the live streams a rule matches), delete. */
@Controller("/api/v1/moderation/bans")
@Secured({Role.MODERATOR_NAME, Role.ADMIN_NAME})
@ExecuteOn(TaskExecutors.BLOCKING)
class BansController {
    @Serdeable
    record NewRule(@Nullable String kind, @Nullable String value, @Nullable String syntax, @Nullable String reason) {
    }

    private final Bans bans;

    BansController(Bans bans) {
        this.bans = bans;
    }

    @Get
    BanRuleView.Page list(@Nullable @QueryValue String limit, @Nullable @QueryValue String offset) {
        Paging paging = Paging.of(limit, offset);
        return bans.list(paging.limit(), paging.offset());
    }

    @Post
    HttpResponse<BanRuleView> create(Authentication auth, @Nullable @Body NewRule body) {
        NewRule r = body == null ? new NewRule(null, null, null, null) : body;
        return HttpResponse.created(bans.create(Moderation.Actor.of(auth), r.kind(), r.value(), r.syntax(), r.reason()));
    }

    @Delete("/{id}")
    HttpResponse<?> delete(Authentication auth, String id) {
        bans.delete(Moderation.Actor.of(auth), id(id));
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }

    static long id(String id) {
        if (id != null && id.matches("[0-9]{1,18}")) {
            return Long.parseLong(id);
        }
        throw ProblemException.badRequest("id", "must be a rule id (a whole number)");
    }
}
