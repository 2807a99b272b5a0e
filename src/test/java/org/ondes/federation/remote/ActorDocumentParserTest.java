package org.ondes.federation.remote;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActorDocumentParserTest {
    static final String ID = "https://social.example/users/ana";
    static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    static Map<String, Object> actor() {
        Map<String, Object> doc = new HashMap<>();
        doc.put("id", ID);
        doc.put("type", "Person");
        doc.put("preferredUsername", "ana");
        doc.put("inbox", ID + "/inbox");
        doc.put("endpoints", Map.of("sharedInbox", "https://social.example/inbox"));
        doc.put("publicKey", Map.of("id", ID + "#main-key", "owner", ID, "publicKeyPem", "PEM"));
        return doc;
    }

    static RemoteActor parsed(String from, Map<String, Object> doc) {
        return assertInstanceOf(ActorDocumentParser.Parsed.class, ActorDocumentParser.parse(from, doc, NOW)).actor();
    }

    static String refused(String from, Map<String, Object> doc) {
        return assertInstanceOf(ActorDocumentParser.Refused.class, ActorDocumentParser.parse(from, doc, NOW)).reason();
    }

    @Test
    void aMastodonStyleActorIsRead() {
        RemoteActor a = parsed(ID + "#main-key", actor());
        assertEquals(ID, a.id());
        assertEquals("social.example", a.host());
        assertEquals("https://social.example/inbox", a.deliveryInbox(), "deliveries prefer the shared inbox");
        assertEquals(ID + "#main-key", a.keyId());
        assertEquals("ana", a.preferredUsername());
    }

    @Test
    void typesMayBeArraysAndIdsObjects() {
        Map<String, Object> doc = actor();
        doc.put("type", List.of("Service", "Bot"));
        doc.put("inbox", Map.of("id", ID + "/inbox"));
        doc.remove("endpoints");
        RemoteActor a = parsed(ID, doc);
        assertEquals(ID + "/inbox", a.deliveryInbox());
        assertEquals("Service", a.type());
    }

    @Test
    void whatCannotBeTrustedIsRefused() {
        assertTrue(refused("https://social.example/users/bob", actor()).contains("id"),
                "an id other than the URL fetched (a redirect or a lie)");
        Map<String, Object> note = actor();
        note.put("type", "Note");
        assertTrue(refused(ID, note).contains("not an actor"));
        Map<String, Object> foreignInbox = actor();
        foreignInbox.put("inbox", "https://evil.example/inbox");
        assertTrue(refused(ID, foreignInbox).contains("inbox"));
        Map<String, Object> foreignKey = actor();
        foreignKey.put("publicKey", Map.of("id", "https://evil.example/k", "owner", "https://evil.example/u",
                "publicKeyPem", "PEM"));
        assertTrue(refused(ID, foreignKey).contains("another actor"));
    }

    @Test
    void aSharedInboxOnAnotherHostIsIgnored() {
        Map<String, Object> doc = actor();
        doc.put("endpoints", Map.of("sharedInbox", "https://relay.example/inbox"));
        RemoteActor a = parsed(ID, doc);
        assertNull(a.sharedInbox());
        assertEquals(ID + "/inbox", a.deliveryInbox());
    }

    @Test
    void authoritiesKeepNonDefaultPortsOnly() {
        assertEquals("social.example", ActorDocumentParser.authority("https://Social.Example:443/x").orElseThrow());
        assertEquals("127.0.0.1:8001", ActorDocumentParser.authority("http://127.0.0.1:8001/x").orElseThrow());
        assertTrue(ActorDocumentParser.authority("ftp://x/y").isEmpty());
        assertTrue(ActorDocumentParser.authority("not a url").isEmpty());
    }
}
