package org.ondes.limits;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.testkit.FakeIcecastMount;
import org.ondes.testkit.FreePorts;
import org.ondes.testkit.IcecastWire;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.OndesInstance;
import org.ondes.testkit.TestDb;
import org.ondes.testkit.YpReplyHead;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances on one database share every limit: a limit of N holds for the directory, not N per instance. Both
 * trust 127.0.0.1 as their proxy, as two instances behind one load balancer would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedLimitsIT {
    OndesInstance a;
    OndesInstance b;
    FakeIcecastMount mount;

    @BeforeAll
    void start() throws Exception {
        TestDb.Schema db = TestDb.newSchema();
        Map<String, String> settings = Map.of("ondes.trusted-proxies", "127.0.0.1",
                "ondes.limits.signups-per-hour", "3", "ondes.limits.yp-adds-per-minute", "2");
        a = OndesInstance.start(db, FreePorts.next(), settings);
        b = OndesInstance.start(db, FreePorts.next(), settings);
        mount = new FakeIcecastMount();
    }

    @AfterAll
    void stop() throws Exception {
        mount.close();
        b.close();
        a.close();
    }

    private static int register(OndesInstance ondes, String client) {
        String name = "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return ondes.api().send("POST", "/api/v1/accounts", null,
                "{\"username\":\"" + name + "\",\"password\":\"a long passphrase\"}", Map.of("X-Forwarded-For", client)).status();
    }

    @Test
    void signUpsFromOneAddressAreCountedAcrossInstances() {
        assertEquals(201, register(a, "198.51.100.50"));
        assertEquals(201, register(b, "198.51.100.50"));
        assertEquals(201, register(a, "198.51.100.50"));
        assertEquals(429, register(b, "198.51.100.50"), "the fourth, whichever instance gets it");
        assertEquals(429, register(a, "198.51.100.50"));
    }

    @Test
    void addsOfOneTokenAreCountedAcrossInstances() {
        OndesApi.User user = a.api().newUser();
        byte[] add = IcecastWire.add("Balanced FM", "test", mount.url("/balanced.ogg"));
        assertTrue(YpReplyHead.parse(a.api().ypRaw(user.ypToken(), add)).ok());
        assertTrue(YpReplyHead.parse(b.api().ypRaw(user.ypToken(), add)).ok());
        YpReplyHead third = YpReplyHead.parse(a.api().ypRaw(user.ypToken(), add));
        assertFalse(third.ok(), third.raw());
        assertTrue(third.message().contains("too many adds with this YP token (more than 2 a minute)"), third.message());
    }
}
