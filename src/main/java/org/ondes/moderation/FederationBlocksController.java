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

import java.util.List;

/** Federation domain blocks (moderators and admins): list, block, unblock. */
@Controller("/api/v1/moderation/federation/blocks")
@Secured({Role.MODERATOR_NAME, Role.ADMIN_NAME})
@ExecuteOn(TaskExecutors.BLOCKING)
class FederationBlocksController {
    @Serdeable
    record NewBlock(@Nullable String domain, @Nullable String reason) {
    }

    private final FederationModeration federation;

    FederationBlocksController(FederationModeration federation) {
        this.federation = federation;
    }

    @Get
    List<FederationModeration.BlockView> list() {
        return federation.blocks();
    }

    @Post
    HttpResponse<FederationModeration.BlockView> block(Authentication auth, @Nullable @Body NewBlock body) {
        NewBlock b = body == null ? new NewBlock(null, null) : body;
        return HttpResponse.created(federation.block(Moderation.Actor.of(auth), b.domain(), b.reason()));
    }

    @Delete("/{domain}")
    HttpResponse<?> unblock(Authentication auth, String domain) {
        federation.unblock(Moderation.Actor.of(auth), domain);
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }
}
