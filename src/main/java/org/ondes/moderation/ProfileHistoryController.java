package org.ondes.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import org.ondes.accounts.Role;
import org.ondes.streams.ProfileChange;
import org.ondes.web.ProblemException;
import org.ondes.web.StationIds;


/** A station's profile history and the one-click rollback of a change (moderators and admins). */
@Controller("/api/v1/moderation/stations/{id}/profile-history")
@Secured({Role.MODERATOR_NAME, Role.ADMIN_NAME})
@ExecuteOn(TaskExecutors.BLOCKING)
class ProfileHistoryController {
    private final ProfileRollbacks rollbacks;

    ProfileHistoryController(ProfileRollbacks rollbacks) {
        this.rollbacks = rollbacks;
    }

    @Get
    ProfileChange.Page history(String id, @Nullable @QueryValue String limit, @Nullable @QueryValue String offset) {
        Paging paging = Paging.of(limit, offset);
        return rollbacks.changes(StationIds.require(id), paging.limit(), paging.offset());
    }

    @Post("/{changeId}/rollback")
    ProfileChange rollback(Authentication auth, String id, String changeId,
                           @Nullable @Body ModerationController.Reason body) {
        if (!changeId.matches("[0-9]{1,18}")) {
            throw ProblemException.badRequest("changeId", "must be a profile change id");
        }
        return rollbacks.rollback(Moderation.Actor.of(auth), StationIds.require(id), Long.parseLong(changeId),
                body == null ? null : body.reason());
    }
}
