package org.ondes.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import org.ondes.limits.ClientAddresses;
import org.ondes.web.CurrentAccount;
import org.ondes.web.StationIds;

import java.util.UUID;

/** Anyone, signed in or not, reports a station to the moderators. */
@Controller("/api/v1/stations/{id}/reports")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class StationReportsController {
    @Serdeable
    record NewReport(@Nullable String reason, @Nullable String text) {
    }

    private final Reports reports;
    private final ClientAddresses clients;

    StationReportsController(Reports reports, ClientAddresses clients) {
        this.reports = reports;
        this.clients = clients;
    }

    @Post
    HttpResponse<ReportView.Receipt> report(String id, @Nullable @Body NewReport body, HttpRequest<?> request,
                                            @Nullable Authentication auth) {
        UUID stationId = StationIds.require(id);
        Long reporter = auth == null ? null : CurrentAccount.id(auth);
        return HttpResponse.created(reports.report(stationId, body == null ? null : body.reason(),
                body == null ? null : body.text(), reporter, clients.of(request)));
    }
}
