package org.ondes.federation;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.testkit.FakeIcecastMount;
import org.ondes.testkit.ListedStream;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.OndesInstance;

import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How the fediverse finds a station: its handle in the station API, WebFinger (with Mastodon's round-trip check),
 * the actor document at the station page's URL by content negotiation, the instance actor, NodeInfo and host-meta.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
class FederationDiscoveryIT {
    private static final String AS = "application/activity+json";
    private final ObjectMapper json = new ObjectMapper();
    OndesInstance ondes;
    OndesApi api;
    FakeIcecastMount mount;
    OndesApi.User admin;
    String authority;

    @BeforeAll
    void start() throws Exception {
        ondes = OndesInstance.startOwnPublicUrl();
        api = ondes.api();
        mount = new FakeIcecastMount();
        admin = api.newUser(); // the first account is the admin
        authority = "127.0.0.1:" + ondes.port();
    }

    @AfterAll
    void stop() throws Exception {
        mount.close();
        ondes.close();
    }

    private OndesApi.Response accept(String path, String accept) {
        return api.send("GET", path, null, null, Map.of("Accept", accept));
    }

    private Map<String, Object> body(OndesApi.Response r) throws Exception {
        return json.readValue(r.body(), Map.class);
    }

    private ListedStream announce(OndesApi.User owner, String name) {
        return ListedStream.announce(api, owner, mount, name, "/" + UUID.randomUUID() + ".ogg");
    }

    @Test
    void aStationHasAHandleThatWebFingerResolvesToItsActor() throws Exception {
        String name = "Café Ñu " + UUID.randomUUID().toString().substring(0, 6);
        ListedStream s = announce(api.newUser(), name);
        Map<String, Object> detail = api.get("/api/v1/stations/" + s.stationId(), null).json();
        String handle = (String) detail.get("handle");
        String slug = "cafe_nu_" + name.substring(name.length() - 6).toLowerCase().replace('-', '_');
        assertEquals("@" + slug + "@" + authority, handle, "made from the name, ASCII, with the port");
        String actor = ondes.baseUrl() + "/stations/" + s.stationId();
        assertEquals(actor, detail.get("actor"));

        OndesApi.Response jrd = api.get("/.well-known/webfinger?resource=acct:" + slug + "@" + authority, null);
        assertEquals(200, jrd.status(), jrd.body());
        assertEquals("application/jrd+json", jrd.contentType());
        Map<String, Object> finger = body(jrd);
        assertEquals("acct:" + slug + "@" + authority, finger.get("subject"));
        Map<String, Object> self = ((List<Map<String, Object>>) finger.get("links")).stream()
                .filter(l -> "self".equals(l.get("rel"))).findFirst().orElseThrow();
        assertEquals(AS, self.get("type"));
        assertEquals(actor, self.get("href"));
        assertEquals(200, api.get("/.well-known/webfinger?resource=acct%3A" + slug.toUpperCase() + "%40" + authority,
                null).status(), "percent-encoded and upper-case names resolve too");
        assertEquals(finger.get("subject"), body(api.get("/.well-known/webfinger?resource=" + actor, null))
                .get("subject"), "an actor URL is a valid resource too");
    }

    @Test
    void theStationPageUrlServesTheActorToActivityPubClientsAndThePageToBrowsers() throws Exception {
        ListedStream s = announce(api.newUser(), "Night Owl " + UUID.randomUUID().toString().substring(0, 6));
        String path = "/stations/" + s.stationId();
        String actor = ondes.baseUrl() + path;
        for (String accept : List.of(AS, "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"",
                "application/ld+json;profile=\"https://www.w3.org/ns/activitystreams\"", "application/ld+json",
                "application/activity+json, application/ld+json; q=0.9, text/html; q=0.1")) {
            OndesApi.Response r = accept(path, accept);
            assertEquals(200, r.status(), accept + ": " + r.body());
            assertEquals(AS, r.contentType(), accept);
            assertTrue(varies(r), "caches must keep the two apart");
            Map<String, Object> doc = body(r);
            assertEquals(actor, doc.get("id"), "the id is exactly the URL it was fetched from");
            assertEquals("Service", doc.get("type"));
        }
        for (String accept : List.of("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "*/*",
                "text/html")) {
            OndesApi.Response page = accept(path, accept);
            assertEquals(200, page.status());
            assertTrue(page.contentType().startsWith("text/html"), accept + " gets the page, not " + page.contentType());
            assertTrue(varies(page), "caches must keep the page and the actor apart");
        }
        OndesApi.Response bare = api.get(path, null);
        assertTrue(bare.contentType().startsWith("text/html"), "no Accept at all gets the page: " + bare.contentType());

        Map<String, Object> doc = body(accept(path, AS));
        List<Object> context = (List<Object>) doc.get("@context");
        assertEquals("https://www.w3.org/ns/activitystreams", context.get(0));
        assertEquals("https://w3id.org/security/v1", context.get(1));
        assertEquals(actor + "/inbox", doc.get("inbox"));
        assertEquals(actor + "/outbox", doc.get("outbox"));
        assertEquals(actor + "/followers", doc.get("followers"));
        assertEquals(actor + "/following", doc.get("following"));
        assertEquals(ondes.baseUrl() + "/inbox", ((Map<String, Object>) doc.get("endpoints")).get("sharedInbox"));
        assertEquals(actor, doc.get("url"));
        Map<String, Object> key = (Map<String, Object>) doc.get("publicKey");
        assertEquals(actor + "#main-key", key.get("id"));
        assertEquals(actor, key.get("owner"));
        RSAPublicKey rsa = rsa((String) key.get("publicKeyPem"));
        assertEquals(2048, rsa.getModulus().bitLength());
        assertEquals(key.get("publicKeyPem"), ((Map<String, Object>) body(accept(path, AS)).get("publicKey"))
                .get("publicKeyPem"), "the key is made once and kept");
        List<Map<String, Object>> tags = (List<Map<String, Object>>) doc.get("tag");
        assertEquals("#test", tags.get(0).get("name"), "genres as hashtags");
        assertEquals("Hashtag", tags.get(0).get("type"));

        // Mastodon's round trip: acct:<preferredUsername>@<host of id> must lead back to the same id.
        String username = (String) doc.get("preferredUsername");
        Map<String, Object> finger = body(api.get("/.well-known/webfinger?resource=acct:" + username + "@" + authority, null));
        assertTrue(((List<Map<String, Object>>) finger.get("links")).stream()
                .anyMatch(l -> "self".equals(l.get("rel")) && actor.equals(l.get("href"))), finger.toString());
    }

    @Test
    void stationsWithTheSameNameGetDistinctHandlesThatSurviveARename() throws Exception {
        String name = "Twin " + UUID.randomUUID().toString().substring(0, 6);
        OndesApi.User first = api.newUser();
        ListedStream a = announce(first, name);
        ListedStream b = announce(api.newUser(), name);
        String ha = (String) api.get("/api/v1/stations/" + a.stationId(), null).json().get("handle");
        String hb = (String) api.get("/api/v1/stations/" + b.stationId(), null).json().get("handle");
        assertFalse(ha.equals(hb), ha);
        assertEquals(ha.replace("@" + authority, "_2@" + authority), hb);
        assertEquals(200, api.send("PATCH", "/api/v1/me/stations/" + a.stationId(), first.bearer(),
                "{\"displayName\": \"Completely Different\"}").status());
        assertEquals(ha, api.get("/api/v1/stations/" + a.stationId(), null).json().get("handle"),
                "a rename keeps the handle, so follows keep working");
    }

    @Test
    void aStationHiddenByAModeratorIsNotFoundByTheFediverseEither() throws Exception {
        ListedStream s = announce(api.newUser(), "Hidden " + UUID.randomUUID().toString().substring(0, 6));
        String handle = (String) api.get("/api/v1/stations/" + s.stationId(), null).json().get("handle");
        String name = handle.substring(1, handle.indexOf('@', 1));
        assertEquals(200, api.send("POST", "/api/v1/moderation/stations/" + s.stationId() + "/hide", admin.bearer(),
                "{\"reason\": \"spam\"}").status());
        assertEquals(404, api.get("/.well-known/webfinger?resource=acct:" + name + "@" + authority, null).status());
        assertEquals(404, accept("/stations/" + s.stationId(), AS).status());
    }

    @Test
    void unknownOrMalformedResourcesAreClearErrors() {
        OndesApi.Response missing = api.get("/.well-known/webfinger", null);
        assertEquals(400, missing.status());
        assertEquals("application/problem+json", missing.contentType());
        assertTrue(missing.body().contains("resource"), missing.body());
        assertEquals(404, api.get("/.well-known/webfinger?resource=acct:nobody_here@" + authority, null).status());
        assertEquals(404, api.get("/.well-known/webfinger?resource=acct:ondes@elsewhere.example", null).status(),
                "another host's accounts are not ours to answer for");
        assertEquals(404, api.get("/.well-known/webfinger?resource=acct:a@b@" + authority, null).status());
        assertEquals(404, api.get("/.well-known/webfinger?resource=https://elsewhere.example/stations/x", null).status());
        assertEquals(404, accept("/stations/not-a-station", AS).status());
        assertEquals(404, accept("/stations/" + UUID.randomUUID(), AS).status());
    }

    @Test
    void theInstanceActorIsAnApplicationFoundByWebFinger() throws Exception {
        OndesApi.Response r = accept("/actor", AS);
        assertEquals(200, r.status(), r.body());
        assertEquals(AS, r.contentType());
        Map<String, Object> doc = body(r);
        assertEquals(ondes.baseUrl() + "/actor", doc.get("id"));
        assertEquals("Application", doc.get("type"));
        assertEquals("ondes", doc.get("preferredUsername"));
        rsa((String) ((Map<String, Object>) doc.get("publicKey")).get("publicKeyPem"));
        Map<String, Object> finger = body(api.get("/.well-known/webfinger?resource=acct:ondes@" + authority, null));
        assertEquals("acct:ondes@" + authority, finger.get("subject"));
        assertTrue(finger.toString().contains(ondes.baseUrl() + "/actor"), finger.toString());
    }

    @Test
    void nodeInfoTellsPeersThisIsAnOndesCatalog() throws Exception {
        Map<String, Object> index = body(api.get("/.well-known/nodeinfo", null));
        List<Map<String, Object>> links = (List<Map<String, Object>>) index.get("links");
        for (String version : List.of("2.0", "2.1")) {
            String href = links.stream().filter(l -> ("http://nodeinfo.diaspora.software/ns/schema/" + version)
                    .equals(l.get("rel"))).map(l -> (String) l.get("href")).findFirst().orElseThrow();
            assertEquals(ondes.baseUrl() + "/nodeinfo/" + version, href);
            OndesApi.Response r = api.get("/nodeinfo/" + version, null);
            assertEquals(200, r.status());
            assertEquals("application/json; profile=\"http://nodeinfo.diaspora.software/ns/schema/" + version + "#\"",
                    r.contentType());
            Map<String, Object> doc = body(r);
            assertEquals(version, doc.get("version"));
            assertEquals("ondes", ((Map<String, Object>) doc.get("software")).get("name"));
            assertEquals(List.of("activitypub"), doc.get("protocols"));
            assertEquals(true, doc.get("openRegistrations"), "a new instance is open");
            Map<String, Object> users = (Map<String, Object>) ((Map<String, Object>) doc.get("usage")).get("users");
            assertTrue(((Number) users.get("total")).intValue() >= 1, users.toString());
            Map<String, Object> ondesMeta = (Map<String, Object>) ((Map<String, Object>) doc.get("metadata")).get("ondes");
            assertEquals(true, ondesMeta.get("catalog"));
            assertEquals(ondes.baseUrl() + "/actor", ondesMeta.get("instanceActor"));
        }
        assertTrue(links.stream().anyMatch(l -> (ondes.baseUrl() + "/actor").equals(l.get("href"))));
        OndesApi.Response hostMeta = api.get("/.well-known/host-meta", null);
        assertEquals(200, hostMeta.status());
        assertTrue(hostMeta.contentType().startsWith("application/xrd+xml"), hostMeta.contentType());
        assertTrue(hostMeta.body().contains("template=\"" + ondes.baseUrl() + "/.well-known/webfinger?resource={uri}\""),
                hostMeta.body());
    }

    /** Whether the response varies by Accept (a Vary token exactly "Accept", in any of its Vary headers). */
    private static boolean varies(OndesApi.Response r) {
        return r.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Vary"))
                .flatMap(e -> e.getValue().stream()).flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .anyMatch(t -> t.strip().equalsIgnoreCase("Accept"));
    }

    private static RSAPublicKey rsa(String pem) throws Exception {
        assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----\n"), pem);
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    }
}
