package org.ondes.federation.discovery;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.jsoup.nodes.Entities;
import org.ondes.config.PublicUrls;
import org.ondes.federation.ActivityMedia;

import java.nio.charset.StandardCharsets;

/** host-meta (RFC 6415): where WebFinger lives, for the servers that still look here first. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = "ondes.federation.enabled", notEquals = "false")
class HostMetaController {
    private final PublicUrls urls;

    HostMetaController(PublicUrls urls) {
        this.urls = urls;
    }

    @Get(value = "/.well-known/host-meta", produces = ActivityMedia.XRD_XML)
    MutableHttpResponse<byte[]> hostMeta() {
        String template = Entities.escape(urls.of("/.well-known/webfinger") + "?resource={uri}");
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <XRD xmlns="http://docs.oasis-open.org/ns/xri/xrd-1.0">
                  <Link rel="lrdd" type="application/xrd+xml" template="%s"/>
                </XRD>
                """.formatted(template);
        return HttpResponse.ok(xml.getBytes(StandardCharsets.UTF_8)).contentType(ActivityMedia.XRD_XML)
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=3600");
    }
}
