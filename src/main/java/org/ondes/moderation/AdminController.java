package org.ondes.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import org.ondes.accounts.Role;

/** The admin API: roles. */
@Controller("/api/v1/admin")
@Secured(Role.ADMIN_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
class AdminController {
    @Serdeable
    record RoleChange(@Nullable String role, @Nullable String reason) {
    }

    private final Moderation moderation;

    AdminController(Moderation moderation) {
        this.moderation = moderation;
    }

    @Put("/users/{username}/role")
    ModeratedUserView role(Authentication auth, String username, @Nullable @Body RoleChange body) {
        Role role = Role.parse(body == null ? null : body.role(), "role");
        return moderation.changeRole(Moderation.Actor.of(auth), username, role, body == null ? null : body.reason());
    }
}
