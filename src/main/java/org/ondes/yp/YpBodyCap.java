package org.ondes.yp;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import org.ondes.limits.RequestCap;

/**
 * YP requests are capped at 64 KiB (real ones are under 2 KiB) and an oversized one still gets a YP reply, whatever its
 * size: Icecast ignores the HTTP status and reads only the YP headers, so a bare 413 would read as "no response from
 * server" in its log.
 */
@Singleton
class YpBodyCap implements RequestCap {
    @Override
    public boolean covers(HttpRequest<?> request) {
        return request.getPath().startsWith(YpController.PATH);
    }

    @Override
    public long maxBytes() {
        return YpController.MAX_BODY;
    }

    @Override
    public MutableHttpResponse<?> refuse(HttpRequest<?> request) {
        return YpController.write(YpReply.refused(YpMessages.TOO_LARGE));
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
