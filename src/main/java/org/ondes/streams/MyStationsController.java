package org.ondes.streams;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import org.ondes.web.CurrentAccount;

import java.util.List;

/** The streamer's view: every station and session, listed or not, with the reason and the last YP exchange. */
@Controller("/api/v1/me/stations")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class MyStationsController {
    private final Streams streams;

    MyStationsController(Streams streams) {
        this.streams = streams;
    }

    @Get
    List<StationView> mine(Authentication auth) {
        return streams.stationsOf(CurrentAccount.id(auth));
    }
}
