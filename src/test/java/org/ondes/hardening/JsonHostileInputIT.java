package org.ondes.hardening;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.ondes.testkit.FakeIcecastMount;
import org.ondes.testkit.IcecastWire;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.OndesInstance;
import org.ondes.testkit.YpReplyHead;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Generated hostile requests (fixed seed) against the JSON APIs of a real server and database: sign-up, login, token
 * creation, profile edits, moderation and admin writes, and the search APIs. None may get a 5xx, every JSON error is
 * problem+json, and afterwards nothing hostile is served live and the service works.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JsonHostileInputIT {
    private static final long SEED = 0x5EED_0006L;
    private static final int CASES = 700;
    private static final List<String> SEARCH_PATHS = List.of("/api/v1/streams?q=", "/api/v1/streams?genre=",
            "/api/v1/streams?limit=", "/api/v1/streams?order=", "/api/v1/streams?cursor=", "/api/v1/streams?codec=",
            "/json/stations/search?name=", "/json/stations/search?tag=", "/json/stations/search?limit=",
            "/api/v1/streams.m3u?q=", "/api/v1/streams.xspf?q=", "/api/v1/stations/", "/json/url/",
            "/json/stations/byuuid?uuids=", "/api/v1/genres?limit=", "/?q=", "/?genre=", "/stations/");

    OndesInstance ondes;
    OndesApi api;
    RawHttp raw;
    FakeIcecastMount mount;
    OndesApi.User admin;
    OndesApi.User streamer;
    String stationId;
    final Hostile hostile = new Hostile(SEED);
    final Map<String, Integer> sent = new TreeMap<>();

    @BeforeAll
    void start() throws Exception {
        ondes = OndesInstance.startOwnPublicUrl();
        api = ondes.api();
        raw = new RawHttp(ondes.port());
        mount = new FakeIcecastMount();
        admin = api.newUser();
        streamer = api.newUser();
        String listenUrl = mount.url("/json-battery.ogg");
        YpReplyHead added = YpReplyHead.parse(api.ypRaw(streamer.ypToken(), IcecastWire.add("Target FM", "rock", listenUrl)));
        assertTrue(added.ok(), added.raw());
        stationId = (String) api.awaitListed(listenUrl, m -> true).get("id");
    }

    @AfterAll
    void stop() throws Exception {
        System.out.println("JsonHostileInputIT inputs sent per surface: " + sent + ", total "
                + sent.values().stream().mapToInt(Integer::intValue).sum());
        mount.close();
        ondes.close();
    }

    @Test
    @Order(1)
    void noHostileRequestGetsAServerErrorAndEveryJsonErrorIsAProblem() {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            Request r = next(i);
            sent.merge(r.surface, 1, Integer::sum);
            RawHttp.Reply reply = raw.send(r.method, r.target, r.headers, r.body);
            String problem = judge(r, reply);
            if (problem != null) {
                failures.add(r.surface + " #" + i + " " + r.method + " " + abbreviate(r.target) + " "
                        + abbreviate(r.body == null ? "" : new String(r.body, StandardCharsets.UTF_8)) + ": " + problem
                        + "\n" + reply);
            }
        }
        if (!failures.isEmpty()) {
            Map<String, Long> bySurface = new TreeMap<>(failures.stream().collect(
                    Collectors.groupingBy(f -> f.substring(0, f.indexOf(" #")), Collectors.counting())));
            fail(failures.size() + " of " + CASES + " hostile requests got a bad answer " + bySurface + "; first ones:\n"
                    + String.join("\n---\n", failures.subList(0, Math.min(8, failures.size()))));
        }
    }

    @Test
    @Order(2)
    void nothingHostileIsServedLiveAndTheServiceStillWorks() throws Exception {
        api.send("POST", "/api/v1/moderation/stations/" + stationId + "/unhide", admin.bearer(), "{\"reason\":\"battery over\"}");
        api.send("PATCH", "/api/v1/me/stations/" + stationId, streamer.bearer(), "{\"hidden\":false}");
        Served.assertHealthy(api);
        Served.assertYpXmlParses(api);
        Served.assertPagesEscaped(api, List.of("", "?q=target"));
        OndesApi.Response mine = api.get("/api/v1/me/stations", streamer.bearer());
        assertEquals(200, mine.status(), mine.body());
        OndesApi.User fresh = api.newUser();
        String listenUrl = mount.url("/after-json-battery.ogg");
        YpReplyHead added = YpReplyHead.parse(api.ypRaw(fresh.ypToken(), IcecastWire.add("Calm After FM", "ambient", listenUrl)));
        assertTrue(added.ok(), added.raw());
        assertTrue(YpReplyHead.parse(api.ypRaw(fresh.ypToken(), IcecastWire.touch(added.sid(), "X - Y", 2))).ok());
        api.awaitListed(listenUrl, m -> Integer.valueOf(2).equals(m.get("listeners")));
        assertTrue(api.get("/api/v1/streams?q=calm", null).body().contains("Calm After FM"));
    }

    record Request(String surface, String method, String target, Map<String, String> headers, byte[] body) {
    }

    private static String judge(Request r, RawHttp.Reply reply) {
        if (reply.status() == -1) {
            return "no HTTP reply";
        }
        if (reply.status() >= 500) {
            return "server error " + reply.status();
        }
        boolean page = r.target.startsWith("/?") || r.target.startsWith("/stations/");
        String type = String.valueOf(reply.header("Content-Type"));
        if (reply.status() >= 400 && !page && !type.startsWith("application/problem+json")) {
            return "error " + reply.status() + " as " + type;
        }
        if (page && type.startsWith("text/html")) {
            try {
                Served.assertNoLiveMarkup(r.target, reply.text());
            } catch (AssertionError e) {
                return e.getMessage();
            }
        }
        return null;
    }

    private Request next(int i) {
        return switch (hostile.random().nextInt(8)) {
            case 0 -> write("POST /api/v1/accounts", "POST", "/api/v1/accounts", null, object(
                    "username", "password", "email"), "{\"username\":\"u" + i + "x\",\"password\":\"long enough pass\"}");
            case 1 -> write("POST /login", "POST", "/login", null, object("username", "password"),
                    "{\"username\":\"" + streamer.username() + "\",\"password\":\"wrong wrong wrong\"}");
            case 2 -> write("POST /api/v1/me/yp-tokens", "POST", "/api/v1/me/yp-tokens", streamer.bearer(),
                    object("label", "validFrom", "validUntil"), "{\"label\":\"x\"}");
            case 3 -> write("PATCH /api/v1/me/stations/{id}", "PATCH", "/api/v1/me/stations/" + stationId,
                    streamer.bearer(), object("displayName", "description", "homepage", "genres", "language",
                            "country", "logoUrl", "hidden", "unknownField"), "{\"displayName\":\"A\"}");
            case 4 -> {
                String action = hostile.pick(List.of("hide", "unhide"));
                yield write("moderation", "POST", "/api/v1/moderation/stations/" + hostile.pick(List.of(stationId,
                        stationId, "not-a-uuid", "00000000-0000-0000-0000-000000000000")) + "/" + action, admin.bearer(),
                        object("reason"), "{\"reason\":\"spam\"}");
            }
            case 5 -> {
                String user = hostile.pick(List.of(streamer.username(), "nobody", "%3cscript%3e", "a%00b", "x".repeat(300)));
                yield hostile.random().nextBoolean()
                        ? write("moderation", "POST", "/api/v1/moderation/users/" + user + "/"
                        + hostile.pick(List.of("suspend", "unsuspend")), admin.bearer(), object("reason"), "{\"reason\":\"x\"}")
                        : write("admin role", "PUT", "/api/v1/admin/users/" + user + "/role", admin.bearer(),
                        object("role", "reason"), "{\"role\":\"user\"}");
            }
            default -> {
                String path = hostile.pick(SEARCH_PATHS);
                String value = hostile.formValue();
                String target = path + value;
                yield new Request("GET search", "GET", isUri(target) && target.length() < 4000 ? target
                        : path + IcecastWire.esc(hostile.text()).substring(0, 0) + "%25zz", Map.of(), null);
            }
        };
    }

    /** A write with a hostile body: valid JSON with hostile values, broken JSON, or the wrong content type. */
    private Request write(String surface, String method, String target, String bearer, String hostileObject, String valid) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (bearer != null) {
            headers.put("Authorization", "Bearer " + bearer);
        }
        byte[] body;
        switch (hostile.random().nextInt(4)) {
            case 0 -> {
                body = hostile.brokenJson(valid);
                headers.put("Content-Type", "application/json");
            }
            case 1 -> {
                body = valid.getBytes(StandardCharsets.UTF_8);
                headers.put("Content-Type", hostile.pick(List.of("text/plain", "application/x-www-form-urlencoded",
                        "application/xml", "multipart/form-data; boundary=z", "application/json; charset=ISO-8859-1",
                        "a/b;;;", "application/json-patch+json")));
            }
            default -> {
                body = hostileObject.getBytes(StandardCharsets.UTF_8);
                headers.put("Content-Type", "application/json");
            }
        }
        return new Request(surface, method, target, headers, body);
    }

    /** A JSON object with hostile values for some of the fields, sometimes a field twice. */
    private String object(String... fields) {
        StringBuilder b = new StringBuilder("{");
        for (String f : fields) {
            if (hostile.random().nextInt(3) == 0) {
                continue;
            }
            b.append(b.length() > 1 ? "," : "").append('"').append(f).append("\":").append(hostile.jsonValue());
            if (hostile.random().nextInt(8) == 0) {
                b.append(",\"").append(f).append("\":").append(hostile.jsonValue());
            }
        }
        return b.append('}').toString();
    }

    private static boolean isUri(String target) {
        try {
            new java.net.URI(target);
            return true;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
