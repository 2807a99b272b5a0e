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

/** The queue of listeners' reports (moderators and admins): list by state, resolve, dismiss. */
@Controller("/api/v1/moderation/reports")
@Secured({Role.MODERATOR_NAME, Role.ADMIN_NAME})
@ExecuteOn(TaskExecutors.BLOCKING)
class ReportQueueController {
    @Serdeable
    record Note(@Nullable String note) {
    }

    private final Reports reports;

    ReportQueueController(Reports reports) {
        this.reports = reports;
    }

    @Get
    ReportView.Page list(@Nullable @QueryValue String state, @Nullable @QueryValue String limit,
                         @Nullable @QueryValue String offset) {
        Paging paging = Paging.of(limit, offset);
        return reports.list(Reports.state(state), paging.limit(), paging.offset());
    }

    @Post("/{id}/resolve")
    ReportView resolve(Authentication auth, String id, @Nullable @Body Note body) {
        return reports.resolve(Moderation.Actor.of(auth), id(id), body == null ? null : body.note());
    }

    @Post("/{id}/dismiss")
    ReportView dismiss(Authentication auth, String id, @Nullable @Body Note body) {
        return reports.dismiss(Moderation.Actor.of(auth), id(id), body == null ? null : body.note());
    }

    private static long id(String id) {
        if (id != null && id.matches("[0-9]{1,18}")) {
            return Long.parseLong(id);
        }
        throw org.ondes.web.ProblemException.badRequest("id", "must be a report id (a whole number)");
    }
}
