package org.ondes.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
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
import org.ondes.accounts.CreatedInvite;
import org.ondes.accounts.InviteView;
import org.ondes.accounts.Role;
import org.ondes.web.ProblemException;

/** Invitations (moderators and admins): create one (its link is shown once), list them, revoke one. */
@Controller("/api/v1/moderation/invites")
@Secured({Role.MODERATOR_NAME, Role.ADMIN_NAME})
@ExecuteOn(TaskExecutors.BLOCKING)
class InvitesController {
    @Serdeable
    record NewInvite(@Nullable Integer maxUses, @Nullable Integer expiresInHours, @Nullable String note) {
    }

    private final Admission admission;

    InvitesController(Admission admission) {
        this.admission = admission;
    }

    @Post
    HttpResponse<CreatedInvite> create(Authentication auth, @Nullable @Body NewInvite body) {
        NewInvite b = body == null ? new NewInvite(null, null, null) : body;
        return HttpResponse.created(admission.createInvite(Moderation.Actor.of(auth), b.maxUses(), b.expiresInHours(),
                b.note()));
    }

    @Get
    InviteView.Page list(@Nullable @QueryValue String limit, @Nullable @QueryValue String offset) {
        Paging paging = Paging.of(limit, offset);
        return admission.invites(paging.limit(), paging.offset());
    }

    @Delete("/{id}")
    InviteView revoke(Authentication auth, String id) {
        if (id == null || !id.matches("[0-9]{1,18}")) {
            throw ProblemException.badRequest("id", "must be an invitation id (a whole number)");
        }
        return admission.revokeInvite(Moderation.Actor.of(auth), Long.parseLong(id));
    }
}
