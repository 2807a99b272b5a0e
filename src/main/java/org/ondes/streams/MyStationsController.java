package org.ondes.streams;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import org.ondes.web.CurrentAccount;
import org.ondes.web.ProblemException;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The streamer's view: every station and session, listed or not, with the reason and the last YP exchange; and the
 * owner's edits of a station's profile.
 */
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

    @Patch("/{id}")
    StationView edit(Authentication auth, String id, @Nullable @Body Map<String, Object> body) {
        return streams.updateProfile(CurrentAccount.id(auth), stationId(id), ProfilePatch.parse(body));
    }

    private static UUID stationId(String id) {
        try {
            if (id.length() == 36) {
                return UUID.fromString(id);
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal
        }
        throw ProblemException.badRequest("id", "must be a station id (UUID)");
    }
}
