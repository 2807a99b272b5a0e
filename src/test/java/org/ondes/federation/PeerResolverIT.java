package org.ondes.federation;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ondes.federation.discovery.PeerResolver;
import org.ondes.testkit.FakeIcecastMount;
import org.ondes.testkit.FedifyPeer;
import org.ondes.testkit.FreePorts;
import org.ondes.testkit.ListedStream;
import org.ondes.testkit.OndesApi;
import org.ondes.testkit.OndesInstance;
import org.ondes.testkit.TestDb;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an admin's follow target resolves to, against a second Ondes instance (its own database) and a Fedify peer:
 * a domain is followed only when its NodeInfo says it is an Ondes catalog, a handle goes through WebFinger, an actor
 * URL is fetched; private addresses are refused unless federation is allowed to reach them (tests only).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeerResolverIT {
    OndesInstance a;
    OndesInstance b;
    OndesInstance guarded;
    FedifyPeer peer;
    FakeIcecastMount mount;

    static OndesInstance start(boolean allowPrivate) {
        int port = FreePorts.next();
        return OndesInstance.start(TestDb.newSchema(), port, Map.of("ondes.public-url", "http://127.0.0.1:" + port,
                "ondes.federation.allow-private-addresses", Boolean.toString(allowPrivate)));
    }

    @BeforeAll
    void start() throws Exception {
        a = start(true);
        b = start(true);
        guarded = start(false);
        peer = FedifyPeer.start("resolver", FedifyPeer.FirstKnock.DRAFT_CAVAGE);
        mount = new FakeIcecastMount();
    }

    @AfterAll
    void stop() throws Exception { // fields stay null when a start failed or the peer skipped
        if (mount != null) {
            mount.close();
        }
        if (peer != null) {
            peer.close();
        }
        if (guarded != null) {
            guarded.close();
        }
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    private PeerResolver.Resolution resolve(OndesInstance from, String target) {
        return from.context().getBean(PeerResolver.class).resolve(target);
    }

    @Test
    void aDomainThatIsAnOndesCatalogResolvesToItsInstanceActor() {
        PeerResolver.Found found = assertInstanceOf(PeerResolver.Found.class, resolve(b, "127.0.0.1:" + a.port()));
        assertEquals(a.baseUrl() + "/actor", found.actor().id());
        assertEquals(a.baseUrl() + "/actor/inbox", found.actor().inbox());
        assertEquals(a.baseUrl() + "/inbox", found.actor().sharedInbox());
        assertTrue(found.ondesCatalog());
    }

    @Test
    void aHandleGoesThroughWebFingerAndAStationIsNotACatalog() {
        OndesApi api = a.api();
        ListedStream s = ListedStream.announce(api, api.newUser(), mount, "Resolver FM", "/" + UUID.randomUUID() + ".ogg");
        String handle = (String) api.get("/api/v1/stations/" + s.stationId(), null).json().get("handle");
        PeerResolver.Found found = assertInstanceOf(PeerResolver.Found.class, resolve(b, handle));
        assertEquals(a.baseUrl() + "/stations/" + s.stationId(), found.actor().id());
        assertFalse(found.ondesCatalog());
        PeerResolver.Found byUrl = assertInstanceOf(PeerResolver.Found.class, resolve(b, found.actor().id()));
        assertEquals(found.actor().id(), byUrl.actor().id());
        PeerResolver.Found instance = assertInstanceOf(PeerResolver.Found.class,
                resolve(b, "@ondes@127.0.0.1:" + a.port()));
        assertTrue(instance.ondesCatalog(), "the instance actor found by its handle is known as a catalog");
    }

    @Test
    void aFediverseServerThatIsNotOndesIsNotACatalogButItsActorsResolve() {
        String domain = peer.baseUrl().replace("http://", "");
        PeerResolver.NotFound notOndes = assertInstanceOf(PeerResolver.NotFound.class, resolve(b, domain));
        assertTrue(notOndes.reason().contains("not an Ondes catalog") || notOndes.reason().contains("no NodeInfo"),
                notOndes.reason());
        PeerResolver.Found actor = assertInstanceOf(PeerResolver.Found.class, resolve(b, peer.actorUrl()));
        assertEquals(peer.actorUrl(), actor.actor().id());
        assertFalse(actor.ondesCatalog());
    }

    @Test
    void nonsenseAndPrivateAddressesAreRefusedWithAReason() {
        for (String bad : new String[]{"", "not a domain!", "@nobody", "ftp://x.example/actor"}) {
            assertInstanceOf(PeerResolver.NotFound.class, resolve(b, bad), bad);
        }
        PeerResolver.NotFound unknown = assertInstanceOf(PeerResolver.NotFound.class,
                resolve(b, "@nobody_here@127.0.0.1:" + a.port()));
        assertTrue(unknown.reason().contains("WebFinger"), unknown.reason());
        assertInstanceOf(PeerResolver.NotFound.class, resolve(guarded, "127.0.0.1:" + a.port()),
                "without the test switch, loopback is never contacted");
    }
}
