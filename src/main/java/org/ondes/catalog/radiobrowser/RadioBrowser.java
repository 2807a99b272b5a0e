package org.ondes.catalog.radiobrowser;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.ondes.catalog.Catalog;
import org.ondes.catalog.CatalogEntry;
import org.ondes.catalog.StreamQuery;
import org.ondes.config.PublicUrls;
import org.ondes.limits.ClientAddress;
import org.ondes.limits.Limit;
import org.ondes.limits.Limits;
import org.ondes.probe.ProbeSettings;
import org.ondes.web.Problem;
import org.ondes.web.ProblemException;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * radio-browser compatibility: answers radio-browser's read API from the live catalog, so apps written for
 * radio-browser can use an Ondes instance as their server (docs/radio-browser.md).
 */
@Singleton
public class RadioBrowser {
    /** radio-browser's API version that this subset follows. */
    static final int SUPPORTED_VERSION = 1;
    static final int MAX_UUIDS = 500;
    /** 500 ids with their commas and some spaces. */
    static final int MAX_UUIDS_TEXT = MAX_UUIDS * 40;
    static final String URL_MESSAGE = "retrieved station url";
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Catalog catalog;
    private final RbClicks clicks;
    private final PublicUrls urls;
    private final ProbeSettings probe;
    private final Limits limits;

    RadioBrowser(Catalog catalog, RbClicks clicks, PublicUrls urls, ProbeSettings probe, Limits limits) {
        this.catalog = catalog;
        this.clicks = clicks;
        this.urls = urls;
        this.probe = probe;
        this.limits = limits;
    }

    List<RbStation> search(RbParameters p) {
        Optional<StreamQuery> query = RbSearch.query(p);
        return query.map(q -> stations(catalog.search(q).items())).orElse(List.of());
    }

    /** {@code uuids}: comma-separated station ids; unknown or offline ones are left out, as radio-browser does. */
    List<RbStation> byUuids(String uuids) {
        if (uuids.length() > MAX_UUIDS_TEXT) {
            throw ProblemException.badRequest("uuids", "at most " + MAX_UUIDS + " station ids per request");
        }
        List<UUID> ids = new ArrayList<>();
        for (String part : uuids.split(",")) {
            String s = part.strip();
            if (!s.isEmpty()) {
                ids.add(uuid("uuids", s));
            }
        }
        if (ids.size() > MAX_UUIDS) {
            throw ProblemException.badRequest("uuids", "at most " + MAX_UUIDS + " station ids per request");
        }
        return stations(catalog.byIds(ids));
    }

    /**
     * Returns the URL to play and counts a click (once per client, station and day), unless the client has had more
     * clicks counted lately than ONDES_LIMITS_CLICKS_PER_HOUR: then the URL is returned all the same.
     */
    RbUrl url(String stationuuid, ClientAddress client) {
        UUID id = uuid("stationuuid", stationuuid);
        List<CatalogEntry> found = catalog.byIds(List.of(id));
        if (found.isEmpty()) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "Not found", "stationuuid: no live station has the id " + id,
                    List.of(new Problem.FieldError("stationuuid", "no live station has this id")));
        }
        CatalogEntry e = found.get(0);
        if (limits.acquire(Limit.CLICKS, client.limitKey()).allowed()) {
            clicks.click(id, client.address());
        }
        return new RbUrl(true, URL_MESSAGE, id.toString(), e.name(), e.listenUrl());
    }

    List<RbTag> tags(RbParameters p) {
        return RbFacets.list(catalog.genres(), p);
    }

    List<RbTag> codecs(RbParameters p) {
        return RbFacets.list(catalog.codecs(), p);
    }

    RbStats stats() {
        long stations = catalog.search(new StreamQuery(null, null, List.of(), null, null, null, null, null, null, null,
                StreamQuery.Order.NAME, false, 1, 0, null, null)).total();
        return new RbStats(SUPPORTED_VERSION, softwareVersion(), "OK", stations, 0, catalog.genres().size(),
                clicks.lastHour(), clicks.lastDay(), 0, 0);
    }

    RbConfig config() {
        String host = URI.create(urls.base()).getHost();
        return new RbConfig(true, false, List.of(), Math.max(1, probe.connectTimeoutMs() / 1000),
                RbClicks.CLICK_VALID.toSeconds(), RbClicks.RETENTION.toSeconds(), host == null ? "" : host, "", "");
    }

    private List<RbStation> stations(List<CatalogEntry> entries) {
        Map<UUID, RbStations.Clicks> counts = clicks.clicks(entries.stream().map(CatalogEntry::id).toList());
        return entries.stream().map(e -> RbStations.of(e, counts.getOrDefault(e.id(), RbStations.Clicks.NONE))).toList();
    }

    static UUID uuid(String parameter, String text) {
        if (!UUID_TEXT.matcher(text).matches()) {
            throw ProblemException.badRequest(parameter, "must be a station UUID such as 9b2c1f0e-5a3d-4c8e-b7a1-2f6d8e4c0a19");
        }
        return UUID.fromString(text.toLowerCase(Locale.ROOT));
    }

    static String softwareVersion() {
        String v = RadioBrowser.class.getPackage().getImplementationVersion();
        return "ondes " + (v == null ? "dev" : v);
    }
}
