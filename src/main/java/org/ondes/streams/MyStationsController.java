package org.ondes.streams;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import org.ondes.web.CurrentAccount;
import org.ondes.web.ProblemException;
import org.ondes.web.StationIds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The streamer's view: every station and session, listed or not, with the reason and the last YP exchange; the
 * owner's edits of a station's profile and their history.
 */
@Controller("/api/v1/me/stations")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class MyStationsController {
    private final Streams streams;
    private final ProfileHistory history;

    MyStationsController(Streams streams, ProfileHistory history) {
        this.streams = streams;
        this.history = history;
    }

    @Get
    List<StationView> mine(Authentication auth) {
        return streams.stationsOf(CurrentAccount.id(auth));
    }

    /** Read as a JSON tree, because a field sent as {@code null} (clear the override) differs from one not sent. */
    @Patch("/{id}")
    StationView edit(Authentication auth, String id, @Nullable @Body JsonNode body) {
        if (body != null && !body.isObject()) {
            throw ProblemException.badRequest("body", "must be a JSON object");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        if (body != null) {
            body.entries().forEach(e -> fields.put(e.getKey(), plain(e.getValue())));
        }
        return streams.updateProfile(ProfileEditor.of(auth), StationIds.require(id), ProfilePatch.parse(fields));
    }

    /** The station's profile changes, newest first (a moderator's name is not shown to the owner). */
    @Get("/{id}/profile-history")
    ProfileChange.Page profileHistory(Authentication auth, String id, @Nullable @QueryValue String limit,
                                      @Nullable @QueryValue String offset) {
        HistoryPaging paging = HistoryPaging.of(limit, offset);
        return history.ofOwnStation(CurrentAccount.id(auth), StationIds.require(id), paging.limit(), paging.offset());
    }

    private static Object plain(JsonNode n) {
        if (n.isNull()) {
            return null;
        }
        if (n.isArray()) {
            List<Object> list = new ArrayList<>(n.size());
            n.values().forEach(v -> list.add(plain(v)));
            return list;
        }
        if (n.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            n.entries().forEach(e -> map.put(e.getKey(), plain(e.getValue())));
            return map;
        }
        return n.getValue();
    }
}
