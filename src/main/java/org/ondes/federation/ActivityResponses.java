package org.ondes.federation;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Writes ActivityStreams and discovery documents as the exact bytes and media type peers expect. */
@Singleton
public class ActivityResponses {
    private final JsonMapper json;

    ActivityResponses(JsonMapper json) {
        this.json = json;
    }

    public byte[] bytes(Object document) {
        try {
            return json.writeValueAsBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An ActivityStreams document ({@code application/activity+json}), cacheable for a minute. */
    public MutableHttpResponse<byte[]> activity(Object document) {
        return document(document, ActivityMedia.ACTIVITY_JSON).header(HttpHeaders.VARY, "Accept");
    }

    /** Any JSON document with the given media type, readable from browsers' scripts too. */
    public MutableHttpResponse<byte[]> document(Object document, String mediaType) {
        return HttpResponse.ok(bytes(document)).contentType(mediaType)
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=60")
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
    }
}
