package org.ondes.federation.outbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.ondes.config.PublicUrls;
import org.ondes.federation.ActivityMedia;
import org.ondes.federation.ActivityResponses;
import org.ondes.web.ProblemException;
import org.ondes.web.StationIds;

import java.net.URI;
import java.util.UUID;

/**
 * What stations published, by id: the go-live Notes ({@code /notes/{id}}) and the live sessions' Audio
 * ({@code /live/{id}}: 200 while live and public, 410 with a Tombstone once ended, 404 if never published).
 * Browsers are sent to the station's page (303).
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "ondes.federation.enabled", notEquals = "false")
class PublishedController {
    private final PublishedObjects objects;
    private final ActivityResponses responses;
    private final PublicUrls urls;

    PublishedController(PublishedObjects objects, ActivityResponses responses, PublicUrls urls) {
        this.objects = objects;
        this.responses = responses;
        this.urls = urls;
    }

    @Get(value = "/live/{id}", produces = {ActivityMedia.ACTIVITY_JSON, "application/ld+json", MediaType.APPLICATION_JSON,
            MediaType.TEXT_HTML})
    HttpResponse<?> live(@PathVariable String id, @Nullable @Header(HttpHeaders.ACCEPT) String accept) {
        UUID sessionId = StationIds.parse(id).orElseThrow(() -> ProblemException.notFound("no live session " + id));
        PublishedObjects.Audio audio = objects.audio(sessionId)
                .orElseThrow(() -> ProblemException.notFound("no published live session " + id));
        if (!ActivityMedia.wantsActivity(accept)) {
            return stationPage(audio.stationId());
        }
        return audio.live() ? responses.activity(audio.document())
                : responses.activity(audio.document()).status(HttpStatus.GONE);
    }

    @Get(value = "/notes/{id}", produces = {ActivityMedia.ACTIVITY_JSON, "application/ld+json", MediaType.APPLICATION_JSON,
            MediaType.TEXT_HTML})
    HttpResponse<?> note(@PathVariable String id, @Nullable @Header(HttpHeaders.ACCEPT) String accept) {
        UUID noteId = StationIds.parse(id).orElseThrow(() -> ProblemException.notFound("no note " + id));
        PublishedObjects.Note note = objects.note(noteId).orElseThrow(() -> ProblemException.notFound("no note " + id));
        return ActivityMedia.wantsActivity(accept) ? responses.activity(note.document()) : stationPage(note.stationId());
    }

    private HttpResponse<?> stationPage(UUID stationId) {
        return HttpResponse.seeOther(URI.create(urls.stationActor(stationId))).header(HttpHeaders.VARY, "Accept");
    }
}
