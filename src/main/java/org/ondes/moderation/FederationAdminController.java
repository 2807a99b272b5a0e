package org.ondes.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import org.ondes.accounts.Role;
import org.ondes.web.ProblemException;

import java.util.List;

/**
 * The instance's follows of other instances (admins): follow by domain, actor URL or handle; list them with their
 * state; unfollow. Also who follows the instance actor. Scripts use this as the admin page does.
 */
@Controller("/api/v1/admin/federation")
@Secured(Role.ADMIN_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
class FederationAdminController {
    @Serdeable
    record NewFollow(@Nullable String target) {
    }

    private final FederationModeration federation;

    FederationAdminController(FederationModeration federation) {
        this.federation = federation;
    }

    @Post("/following")
    HttpResponse<FederationModeration.FollowView> follow(Authentication auth, @Nullable @Body NewFollow body) {
        FederationModeration.Followed f = federation.follow(Moderation.Actor.of(auth), body == null ? null : body.target());
        return f.created() ? HttpResponse.created(f.follow()) : HttpResponse.ok(f.follow());
    }

    @Get("/following")
    List<FederationModeration.FollowView> following() {
        return federation.following();
    }

    @Delete("/following/{id}")
    HttpResponse<?> unfollow(Authentication auth, String id) {
        if (id == null || !id.matches("[0-9]{1,18}")) {
            throw ProblemException.badRequest("id", "must be a follow id (a whole number)");
        }
        federation.unfollow(Moderation.Actor.of(auth), Long.parseLong(id));
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }

    @Get("/followers")
    List<FederationModeration.FollowerView> followers() {
        return federation.followers();
    }
}
