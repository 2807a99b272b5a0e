package org.ondes.federation.discovery;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.ondes.accounts.AccountStats;
import org.ondes.accounts.Registration;
import org.ondes.accounts.RegistrationMode;
import org.ondes.config.PublicUrls;
import org.ondes.federation.ActivityMedia;
import org.ondes.federation.ActivityResponses;
import org.ondes.federation.ActorUrls;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * NodeInfo 2.0 and 2.1, and the {@code /.well-known/nodeinfo} index that points at them and at the instance actor.
 * {@code metadata.ondes} is the capability flag other instances check before following: an Ondes catalog that
 * publishes its live streams to followers of {@code instanceActor}.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "ondes.federation.enabled", notEquals = "false")
class NodeInfoController {
    static final String SOFTWARE = "ondes";
    /** Version of what {@code metadata.ondes} promises; bumped when the machine-facing vocabulary changes. */
    static final int CATALOG_PROTOCOL = 1;
    private final PublicUrls publicUrls;
    private final ActorUrls urls;
    private final AccountStats stats;
    private final Registration registration;
    private final ActivityResponses responses;

    NodeInfoController(PublicUrls publicUrls, ActorUrls urls, AccountStats stats, Registration registration,
                       ActivityResponses responses) {
        this.publicUrls = publicUrls;
        this.urls = urls;
        this.stats = stats;
        this.registration = registration;
        this.responses = responses;
    }

    @Get(value = "/.well-known/nodeinfo", produces = {ActivityMedia.JRD_JSON, "application/json"})
    MutableHttpResponse<byte[]> index() {
        return responses.document(Map.of("links", List.of(
                Map.of("rel", "http://nodeinfo.diaspora.software/ns/schema/2.0", "href", publicUrls.of("/nodeinfo/2.0")),
                Map.of("rel", "http://nodeinfo.diaspora.software/ns/schema/2.1", "href", publicUrls.of("/nodeinfo/2.1")),
                Map.of("rel", "https://www.w3.org/ns/activitystreams#Application", "href", urls.instanceActor()))),
                "application/json");
    }

    @Get(value = "/nodeinfo/2.0", produces = "application/json")
    MutableHttpResponse<byte[]> v20() {
        return responses.document(document("2.0"), ActivityMedia.NODEINFO_20);
    }

    @Get(value = "/nodeinfo/2.1", produces = "application/json")
    MutableHttpResponse<byte[]> v21() {
        return responses.document(document("2.1"), ActivityMedia.NODEINFO_21);
    }

    private Map<String, Object> document(String version) {
        Map<String, Object> software = new LinkedHashMap<>();
        software.put("name", SOFTWARE);
        software.put("version", softwareVersion());
        AccountStats.Usage usage = stats.usage();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("version", version);
        doc.put("software", software);
        doc.put("protocols", List.of("activitypub"));
        doc.put("services", Map.of("inbound", List.of(), "outbound", List.of()));
        doc.put("openRegistrations", registration.mode() == RegistrationMode.OPEN);
        doc.put("usage", Map.of("users", Map.of("total", usage.total(), "activeMonth", usage.activeMonth(),
                "activeHalfyear", usage.activeHalfyear())));
        doc.put("metadata", Map.of(
                "nodeName", "Ondes at " + urls.authority(),
                "ondes", Map.of("catalog", true, "protocol", CATALOG_PROTOCOL, "instanceActor", urls.instanceActor())));
        return doc;
    }

    static String softwareVersion() {
        String v = NodeInfoController.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0" : v;
    }
}
