package org.ondes.federation;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.OndesInstance;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Domain blocks as moderators manage them: who may, what is refused, and the audit trail. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FederationBlocksIT {
    static final String BLOCKS = "/api/v1/moderation/federation/blocks";
    OndesInstance ondes;
    OndesApi api;
    OndesApi.User admin;
    OndesApi.User moderator;
    OndesApi.User user;

    @BeforeAll
    void start() {
        ondes = OndesInstance.startOwnPublicUrl();
        api = ondes.api();
        admin = api.newUser();
        moderator = api.newUser();
        user = api.newUser();
        assertEquals(200, api.send("PUT", "/api/v1/admin/users/" + moderator.username() + "/role", admin.bearer(),
                "{\"role\":\"moderator\"}").status());
    }

    @AfterAll
    void stop() {
        ondes.close();
    }

    @Test
    void moderatorsBlockAndUnblockDomainsAndEveryChangeIsLogged() {
        OndesApi.Response created = api.send("POST", BLOCKS, moderator.bearer(),
                "{\"domain\": \"Spam.Example.\", \"reason\": \"bot farm\"}");
        assertEquals(201, created.status(), created.body());
        assertEquals("spam.example", created.json().get("domain"), "stored normalised");
        assertEquals(moderator.username(), created.json().get("createdBy"));
        assertTrue(ondes.context().getBean(DomainBlocks.class).blocks("relay.spam.example:8443"),
                "a block covers subdomains and any port");
        assertFalse(ondes.context().getBean(DomainBlocks.class).blocks("notspam.example"));
        assertEquals(409, api.send("POST", BLOCKS, admin.bearer(),
                "{\"domain\": \"spam.example\", \"reason\": \"again\"}").status());
        List<Object> list = api.get(BLOCKS, moderator.bearer()).jsonList();
        assertTrue(list.toString().contains("spam.example"), list.toString());
        assertEquals(204, api.send("DELETE", BLOCKS + "/spam.example", admin.bearer(), null).status());
        assertEquals(404, api.send("DELETE", BLOCKS + "/spam.example", admin.bearer(), null).status());
        String audit = api.get("/api/v1/admin/audit?limit=50", admin.bearer()).body();
        assertTrue(audit.contains("block_domain") && audit.contains("unblock_domain"), audit);
        assertTrue(audit.contains("bot farm"), audit);
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        OndesApi.Response noReason = api.send("POST", BLOCKS, moderator.bearer(), "{\"domain\": \"x.example\"}");
        assertEquals(400, noReason.status());
        assertEquals("reason", ((Map<?, ?>) ((List<?>) noReason.json().get("errors")).get(0)).get("name"));
        for (String bad : List.of("", "http://x.example/", "a b", "-x.example", "<script>")) {
            OndesApi.Response r = api.send("POST", BLOCKS, moderator.bearer(),
                    "{\"domain\": \"" + bad + "\", \"reason\": \"r\"}");
            assertEquals(400, r.status(), bad);
            assertTrue(r.contentType().startsWith("application/problem+json"));
        }
    }

    @Test
    void onlyModeratorsAndAdminsManageBlocks() {
        assertEquals(401, api.get(BLOCKS, null).status());
        assertEquals(403, api.get(BLOCKS, user.bearer()).status());
        assertEquals(403, api.send("POST", BLOCKS, user.bearer(), "{\"domain\":\"a.example\",\"reason\":\"r\"}").status());
        assertEquals(403, api.send("DELETE", BLOCKS + "/a.example", user.bearer(), null).status());
        assertEquals(200, api.get(BLOCKS, admin.bearer()).status());
    }
}
