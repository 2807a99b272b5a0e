package org.ondes.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import org.ondes.accounts.Role;

/** The admin API: roles and the audit log. */
@Controller("/api/v1/admin")
@Secured(Role.ADMIN_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
class AdminController {
    @Serdeable
    record RoleChange(@Nullable String role, @Nullable String reason) {
    }

    private final Moderation moderation;
    private final AuditLog audit;

    AdminController(Moderation moderation, AuditLog audit) {
        this.moderation = moderation;
        this.audit = audit;
    }

    /** Every moderation and admin action, newest first; {@code action} and {@code actor} narrow it down. */
    @Get("/audit")
    AuditLog.Page audit(@Nullable @QueryValue String action, @Nullable @QueryValue String actor,
                        @Nullable @QueryValue String limit, @Nullable @QueryValue String offset) {
        return audit.read(action, actor, Paging.of(limit, offset));
    }

    @Put("/users/{username}/role")
    ModeratedUserView role(Authentication auth, String username, @Nullable @Body RoleChange body) {
        Role role = Role.parse(body == null ? null : body.role(), "role");
        return moderation.changeRole(Moderation.Actor.of(auth), username, role, body == null ? null : body.reason());
    }
}
