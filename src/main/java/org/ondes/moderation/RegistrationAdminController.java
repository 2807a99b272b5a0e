package org.ondes.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import org.ondes.accounts.Role;

/** The registration mode (admins): read it and set it, logged. */
@Controller("/api/v1/admin/registration")
@Secured(Role.ADMIN_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
class RegistrationAdminController {
    @Serdeable
    record ModeChange(@Nullable String mode) {
    }

    private final Admission admission;

    RegistrationAdminController(Admission admission) {
        this.admission = admission;
    }

    @Get
    Admission.ModeView get() {
        return admission.mode();
    }

    @Put
    Admission.ModeView put(Authentication auth, @Nullable @Body ModeChange body) {
        return admission.setMode(Moderation.Actor.of(auth), body == null ? null : body.mode());
    }
}
