package org.ondes.accounts;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

/** Public facts about this instance that clients need before signing up: for now, its registration mode. */
@Controller("/api/v1/instance")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class InstanceController {
    /** {@code registration}: open, approval or invite. */
    @Serdeable
    record InstanceView(String registration) {
    }

    private final Registration registration;

    InstanceController(Registration registration) {
        this.registration = registration;
    }

    @Get
    HttpResponse<InstanceView> instance() {
        return HttpResponse.ok(new InstanceView(registration.mode().wire())).header("Cache-Control", "no-cache");
    }
}
