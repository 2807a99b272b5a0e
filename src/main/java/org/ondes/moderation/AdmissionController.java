package org.ondes.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import org.ondes.accounts.Accounts;
import org.ondes.accounts.Role;

/** Accounts waiting for approval (moderators and admins): the queue, approve, reject. */
@Controller("/api/v1/moderation/accounts")
@Secured({Role.MODERATOR_NAME, Role.ADMIN_NAME})
@ExecuteOn(TaskExecutors.BLOCKING)
class AdmissionController {
    @Serdeable
    record Reason(@Nullable String reason) {
    }

    private final Admission admission;

    AdmissionController(Admission admission) {
        this.admission = admission;
    }

    @Get("/pending")
    Accounts.PendingPage pending(@Nullable @QueryValue String limit, @Nullable @QueryValue String offset) {
        Paging paging = Paging.of(limit, offset);
        return admission.pending(paging.limit(), paging.offset());
    }

    @Post("/{username}/approve")
    ModeratedUserView approve(Authentication auth, String username, @Nullable @Body Reason body) {
        return admission.approve(Moderation.Actor.of(auth), username, body == null ? null : body.reason());
    }

    @Post("/{username}/reject")
    HttpResponse<?> reject(Authentication auth, String username, @Nullable @Body Reason body) {
        admission.reject(Moderation.Actor.of(auth), username, body == null ? null : body.reason());
        return HttpResponse.noContent();
    }
}
