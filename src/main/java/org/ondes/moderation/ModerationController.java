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
import io.micronaut.serde.annotation.Serdeable;
import org.ondes.accounts.Role;
import org.ondes.web.StationIds;


/** The moderation API (moderators and admins): hide and unhide stations, suspend and unsuspend accounts, and lists. */
@Controller("/api/v1/moderation")
@Secured({Role.MODERATOR_NAME, Role.ADMIN_NAME})
@ExecuteOn(TaskExecutors.BLOCKING)
class ModerationController {
    @Serdeable
    record Reason(@Nullable String reason) {
    }

    private final Moderation moderation;

    ModerationController(Moderation moderation) {
        this.moderation = moderation;
    }

    @Post("/stations/{id}/hide")
    ModeratedStationView hide(Authentication auth, String id, @Nullable @Body Reason body) {
        return moderation.hideStation(Moderation.Actor.of(auth), StationIds.require(id), reason(body));
    }

    @Post("/stations/{id}/unhide")
    ModeratedStationView unhide(Authentication auth, String id, @Nullable @Body Reason body) {
        return moderation.unhideStation(Moderation.Actor.of(auth), StationIds.require(id), reason(body));
    }

    @Post("/users/{username}/suspend")
    ModeratedUserView suspend(Authentication auth, String username, @Nullable @Body Reason body) {
        return moderation.suspend(Moderation.Actor.of(auth), username, reason(body));
    }

    @Post("/users/{username}/unsuspend")
    ModeratedUserView unsuspend(Authentication auth, String username, @Nullable @Body Reason body) {
        return moderation.unsuspend(Moderation.Actor.of(auth), username, reason(body));
    }

    @Get("/stations")
    ModeratedStationView.Page stations(@Nullable @QueryValue String hidden, @Nullable @QueryValue String limit,
                                       @Nullable @QueryValue String offset) {
        Paging paging = Paging.of(limit, offset);
        return moderation.stations(Paging.flag("hidden", hidden), paging.limit(), paging.offset());
    }

    @Get("/users")
    ModeratedUserView.Page users(@Nullable @QueryValue String suspended, @Nullable @QueryValue String limit,
                                 @Nullable @QueryValue String offset) {
        Paging paging = Paging.of(limit, offset);
        return moderation.users(Paging.flag("suspended", suspended), paging.limit(), paging.offset());
    }

    private static String reason(Reason body) {
        return body == null ? null : body.reason();
    }
}
