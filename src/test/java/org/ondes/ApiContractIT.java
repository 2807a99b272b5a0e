package org.ondes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.testkit.Await;
import org.ondes.testkit.FakeIcecastMount;
import org.ondes.testkit.IcecastWire;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.TestDb;
import org.ondes.testkit.YpReplyHead;
import org.yaml.snakeyaml.Yaml;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Live responses of the main endpoints validate against openapi.yml's schemas (JSON Schema 2020-12), and carry no
 * field the spec does not document.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiContractIT implements TestPropertyProvider {
    private static final ObjectMapper JSON = new ObjectMapper();
    @Inject
    EmbeddedServer server;
    OndesApi api;
    JsonNode spec;
    OndesApi.User user;
    String stationId;
    FakeIcecastMount mount;

    @Override
    public Map<String, String> getProperties() {
        return TestDb.properties();
    }

    @BeforeAll
    void setUp() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("openapi.yml"))) {
            Object yaml = new Yaml().load(in);
            spec = JSON.valueToTree(yaml);
        }
        api = new OndesApi(server.getPort());
        mount = new FakeIcecastMount();
        user = api.newUser();
        String url = mount.url("/contract.ogg");
        YpReplyHead added = YpReplyHead.parse(api.ypRaw(user.ypToken(), IcecastWire.add("Contract FM", "jazz, dub", url)));
        stationId = (String) api.awaitListed(url, e -> true).get("id");
        assertTrue(YpReplyHead.parse(api.ypRaw(user.ypToken(), IcecastWire.touch(added.sid(), "Artist - Title", 3))).ok());
        api.awaitListed(url, e -> "Artist - Title".equals(e.get("currentSong")));
        OndesApi.Response edited = api.send("PATCH", "/api/v1/me/stations/" + stationId, user.bearer(),
                "{\"country\":\"FR\",\"logoUrl\":\"https://contract.example.org/logo.png\",\"language\":\"fr\"}");
        assertEquals(200, edited.status(), edited.body());
        api.awaitListed(url, e -> "FR".equals(e.get("country")));
    }

    /** Validates {@code body} against components/schemas/{name} and lists fields the schema does not declare. */
    private void assertMatches(String schemaName, String body) throws Exception {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$ref", "#/components/schemas/" + schemaName);
        root.set("components", spec.get("components"));
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
        JsonNode node = JSON.readTree(body);
        Set<ValidationMessage> errors = schema.validate(node);
        assertTrue(errors.isEmpty(), schemaName + ": " + errors + "\n" + body);
        List<String> undocumented = new ArrayList<>();
        undocumented(spec.get("components").get("schemas").get(schemaName), node, schemaName, undocumented);
        assertEquals(List.of(), undocumented, "fields missing from openapi.yml");
    }

    private void undocumented(JsonNode schema, JsonNode value, String path, List<String> out) {
        if (schema == null || value == null) {
            return;
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            undocumented(spec.at(ref.substring(1)), value, path, out);
            return;
        }
        if (schema.has("oneOf")) {
            for (JsonNode alt : schema.get("oneOf")) {
                if (!(alt.has("type") && "null".equals(alt.get("type").asText()))) {
                    undocumented(alt, value, path, out);
                }
            }
            return;
        }
        if (value.isArray() && schema.has("items")) {
            for (JsonNode item : value) {
                undocumented(schema.get("items"), item, path + "[]", out);
            }
        } else if (value.isObject() && schema.has("properties")) {
            for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                JsonNode fieldSchema = schema.get("properties").get(field);
                if (fieldSchema == null) {
                    out.add(path + "." + field);
                } else {
                    undocumented(fieldSchema, value.get(field), path + "." + field, out);
                }
            }
        }
    }

    private String ok(OndesApi.Response r) {
        assertTrue(r.status() >= 200 && r.status() < 300, r.status() + " " + r.body());
        return r.body();
    }

    @Test
    void catalogResponsesMatchTheSpec() throws Exception {
        assertMatches("StreamPage", ok(api.get("/api/v1/streams?q=contract", null)));
        assertMatches("StationDetail", ok(api.get("/api/v1/stations/" + stationId, null)));
        JsonNode genres = JSON.readTree(ok(api.get("/api/v1/genres", null)));
        for (JsonNode g : genres) {
            assertMatches("Facet", g.toString());
        }
        assertMatches("Facet", JSON.readTree(ok(api.get("/api/v1/codecs", null))).get(0).toString());
    }

    @Test
    void federationDocumentsMatchTheSpec() throws Exception {
        Map<String, String> as = Map.of("Accept", "application/activity+json");
        assertMatches("Actor", ok(api.send("GET", "/stations/" + stationId, null, null, as)));
        assertMatches("Actor", ok(api.send("GET", "/actor", null, null, as)));
        assertMatches("NodeInfo", ok(api.get("/nodeinfo/2.0", null)));
        assertMatches("NodeInfo", ok(api.get("/nodeinfo/2.1", null)));
        for (String path : new String[]{"/actor/followers", "/actor/following", "/actor/outbox",
                "/stations/" + stationId + "/followers"}) {
            assertMatches("CountedCollection", ok(api.send("GET", path, null, null, as)));
        }
        // what the live station published: its go-live Note (in the outbox, and at its id) and its session's Audio
        String outboxPath = "/stations/" + stationId + "/outbox";
        String outbox = Await.until(Duration.ofSeconds(15), () -> ok(api.send("GET", outboxPath, null, null, as)),
                body -> body.contains("\"Note\""), () -> "no Note in the outbox");
        assertMatches("Outbox", outbox);
        assertMatches("Outbox", ok(api.send("GET", outboxPath + "?page=1", null, null, as)));
        String noteId = JSON.readTree(outbox).at("/first/orderedItems/0/object/id").asText();
        assertMatches("Note", ok(api.send("GET", URI.create(noteId).getPath(), null, null, as)));
        String session = (String) ((Map<?, ?>) ((List<?>) api.listedStream(mount.url("/contract.ogg")).get("sessions"))
                .get(0)).get("id");
        assertMatches("LiveAudio", ok(api.send("GET", "/live/" + session, null, null, as)));
    }

    @Test
    void accountResponsesMatchTheSpec() throws Exception {
        assertMatches("AccountView", ok(api.send("POST", "/api/v1/accounts", null,
                "{\"username\":\"contract_user\",\"password\":\"long enough pw\",\"email\":\"c@example.org\"}")));
        assertMatches("BearerToken", ok(api.send("POST", "/login", null,
                "{\"username\":\"contract_user\",\"password\":\"long enough pw\"}")));
        assertMatches("CreatedYpToken", ok(api.send("POST", "/api/v1/me/yp-tokens", user.bearer(), "{\"label\":\"x\"}")));
        for (JsonNode t : JSON.readTree(ok(api.get("/api/v1/me/yp-tokens", user.bearer())))) {
            assertMatches("YpTokenView", t.toString());
        }
        for (JsonNode st : JSON.readTree(ok(api.get("/api/v1/me/stations", user.bearer())))) {
            assertMatches("StationView", st.toString());
        }
    }

    @Test
    void sessionProfileAndModerationResponsesMatchTheSpec() throws Exception {
        assertMatches("SessionView", ok(api.get("/api/v1/session", null)));
        assertMatches("SessionView", ok(api.get("/api/v1/session", user.bearer())));
        assertMatches("StationView", ok(api.send("PATCH", "/api/v1/me/stations/" + stationId, user.bearer(),
                "{\"description\":\"Contract description\"}")));

        OndesApi.User owner = api.newUser();
        String url = mount.url("/contract-hidden.ogg");
        YpReplyHead added = YpReplyHead.parse(api.ypRaw(owner.ypToken(), IcecastWire.add("Contract Hidden", "x", url)));
        assertTrue(added.ok(), added.raw());
        String hiddenId = (String) api.awaitListed(url, e -> true).get("id");
        assertMatches("ModeratedStation", ok(api.send("POST", "/api/v1/moderation/stations/" + hiddenId + "/hide",
                user.bearer(), "{\"reason\":\"contract\"}")));
        assertMatches("ModeratedStationPage", ok(api.get("/api/v1/moderation/stations?hidden=true", user.bearer())));
        for (JsonNode st : JSON.readTree(ok(api.get("/api/v1/me/stations", owner.bearer())))) {
            assertMatches("StationView", st.toString());
        }
        assertMatches("ModeratedStation", ok(api.send("POST", "/api/v1/moderation/stations/" + hiddenId + "/unhide",
                user.bearer(), "{}")));
        assertMatches("ModeratedUser", ok(api.send("POST", "/api/v1/moderation/users/" + owner.username() + "/suspend",
                user.bearer(), "{\"reason\":\"contract\"}")));
        assertMatches("ModeratedUserPage", ok(api.get("/api/v1/moderation/users?suspended=true", user.bearer())));
        assertMatches("ModeratedUser", ok(api.send("PUT", "/api/v1/admin/users/" + owner.username() + "/role",
                user.bearer(), "{\"role\":\"moderator\"}")));
        assertMatches("ModeratedUserPage", ok(api.get("/api/v1/moderation/users", user.bearer())));
        assertMatches("AuditPage", ok(api.get("/api/v1/admin/audit", user.bearer())));
        OndesApi.Response forbidden = api.get("/api/v1/moderation/users", api.newUser().bearer());
        assertEquals(403, forbidden.status());
        assertMatches("Problem", forbidden.body());
    }

    @Test
    void banAndReportResponsesMatchTheSpec() throws Exception {
        assertMatches("BanRule", ok(api.send("POST", "/api/v1/moderation/bans", user.bearer(),
                "{\"kind\":\"name\",\"value\":\"*contract-spam*\",\"reason\":\"contract\"}")));
        assertMatches("BanRule", ok(api.send("POST", "/api/v1/moderation/bans", user.bearer(),
                "{\"kind\":\"ip\",\"value\":\"192.0.2.0/24\",\"reason\":\"contract\"}")));
        assertMatches("BanRulePage", ok(api.get("/api/v1/moderation/bans", user.bearer())));
        assertMatches("ReportReceipt", ok(api.send("POST", "/api/v1/stations/" + stationId + "/reports", null,
                "{\"reason\":\"other\",\"text\":\"contract\"}")));
        assertMatches("ReportReceipt", ok(api.send("POST", "/api/v1/stations/" + stationId + "/reports", null,
                "{\"reason\":\"spam\"}")));
        JsonNode open = JSON.readTree(ok(api.get("/api/v1/moderation/reports", user.bearer())));
        assertMatches("ReportPage", open.toString());
        long id = open.get("items").get(0).get("id").asLong();
        assertMatches("Report", ok(api.send("POST", "/api/v1/moderation/reports/" + id + "/resolve", user.bearer(),
                "{\"note\":\"contract\"}")));
        assertMatches("ReportPage", ok(api.get("/api/v1/moderation/reports?state=all", user.bearer())));

        OndesApi.User owner = api.newUser();
        String url = mount.url("/contract-unlisted.ogg");
        assertTrue(YpReplyHead.parse(api.ypRaw(owner.ypToken(), IcecastWire.add("Contract Unlisted", "x", url))).ok());
        String unlistedId = (String) api.awaitListed(url, e -> true).get("id");
        assertEquals(200, api.send("PATCH", "/api/v1/me/stations/" + unlistedId, owner.bearer(), "{\"hidden\":true}").status());
        assertMatches("StationDetail", ok(api.get("/api/v1/stations/" + unlistedId, null)));
    }

    @Test
    void profileHistoryResponsesMatchTheSpec() throws Exception {
        OndesApi.User owner = api.newUser();
        String url = mount.url("/contract-history.ogg");
        assertTrue(YpReplyHead.parse(api.ypRaw(owner.ypToken(), IcecastWire.add("Contract History", "x", url))).ok());
        String id = (String) api.awaitListed(url, e -> true).get("id");
        ok(api.send("PATCH", "/api/v1/me/stations/" + id, owner.bearer(),
                "{\"displayName\":\"Contract Vandal\",\"genres\":[\"spam\"],\"country\":\"FR\"}"));
        assertMatches("ProfileChangePage", ok(api.get("/api/v1/me/stations/" + id + "/profile-history", owner.bearer())));
        String history = "/api/v1/moderation/stations/" + id + "/profile-history";
        JsonNode page = JSON.readTree(ok(api.get(history, user.bearer())));
        assertMatches("ProfileChangePage", page.toString());
        long change = page.get("items").get(0).get("id").asLong();
        assertMatches("ProfileChange", ok(api.send("POST", history + "/" + change + "/rollback", user.bearer(),
                "{\"reason\":\"contract\"}")));
        assertMatches("ProfileChangePage", ok(api.get("/api/v1/me/stations/" + id + "/profile-history", owner.bearer())));
        assertMatches("AuditPage", ok(api.get("/api/v1/admin/audit?action=rollback_profile", user.bearer())));
        OndesApi.Response again = api.send("POST", history + "/" + change + "/rollback", user.bearer(), null);
        assertEquals(409, again.status());
        assertMatches("Problem", again.body());
    }

    @Test
    void registrationResponsesMatchTheSpec() throws Exception {
        assertMatches("InstanceView", ok(api.get("/api/v1/instance", null)));
        assertMatches("RegistrationModeView", ok(api.get("/api/v1/admin/registration", user.bearer())));
        JsonNode invite = JSON.readTree(ok(api.send("POST", "/api/v1/moderation/invites", user.bearer(),
                "{\"maxUses\":2,\"note\":\"contract\"}")));
        assertMatches("CreatedInvite", invite.toString());
        assertMatches("InvitePage", ok(api.get("/api/v1/moderation/invites", user.bearer())));
        assertMatches("RegistrationModeView", ok(api.send("PUT", "/api/v1/admin/registration", user.bearer(),
                "{\"mode\":\"approval\"}")));
        try {
            assertMatches("AccountView", ok(api.send("POST", "/api/v1/accounts", null,
                    "{\"username\":\"contract_pending\",\"password\":\"long enough pw\"}")));
            assertMatches("PendingPage", ok(api.get("/api/v1/moderation/accounts/pending", user.bearer())));
            assertMatches("ModeratedUser", ok(api.send("POST", "/api/v1/moderation/accounts/contract_pending/approve",
                    user.bearer(), "{}")));
            String url = invite.get("url").asText();
            OndesApi.Response refused = api.send("POST", "/api/v1/accounts", null, "{\"username\":\"contract_x\","
                    + "\"password\":\"long enough pw\",\"invite\":\"" + "A".repeat(43) + "\"}");
            assertEquals(400, refused.status());
            assertMatches("Problem", refused.body());
            assertMatches("Invite", ok(api.send("DELETE", "/api/v1/moderation/invites/" + invite.get("id").asLong(),
                    user.bearer(), null)));
            assertTrue(url.contains("/signup?invite="), url);
        } finally {
            api.send("PUT", "/api/v1/admin/registration", user.bearer(), "{\"mode\":\"open\"}");
        }
        assertMatches("AuditPage", ok(api.get("/api/v1/admin/audit?action=create_invite", user.bearer())));
    }

    @Test
    void theCheckRejectsWrongShapesTypesAndUndocumentedFields() {
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> assertMatches("Facet", "{\"items\":[],\"total\":0}"), "wrong shape");
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> assertMatches("Facet", "{\"name\":\"jazz\",\"count\":\"12\"}"), "count as a string");
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> assertMatches("Facet", "{\"name\":\"jazz\",\"count\":12,\"secret\":1}"), "undocumented field");
    }

    @Test
    void problemsMatchTheSpec() throws Exception {
        OndesApi.Response bad = api.get("/api/v1/streams?limit=0", null);
        assertEquals(400, bad.status());
        assertMatches("Problem", bad.body());
        OndesApi.Response missing = api.get("/api/v1/stations/" + java.util.UUID.randomUUID(), null);
        assertEquals(404, missing.status());
        assertMatches("Problem", missing.body());
    }
}
