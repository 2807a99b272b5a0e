package org.ondes.federation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActivityMediaTest {
    @Test
    void activityPubClientsGetTheActor() {
        assertTrue(ActivityMedia.wantsActivity("application/activity+json"));
        assertTrue(ActivityMedia.wantsActivity("application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\""));
        assertTrue(ActivityMedia.wantsActivity("application/ld+json;profile=\"https://www.w3.org/ns/activitystreams\""));
        assertTrue(ActivityMedia.wantsActivity("Application/Activity+JSON, application/ld+json"));
        assertTrue(ActivityMedia.wantsActivity("application/activity+json, text/html;q=0.1"));
    }

    @Test
    void browsersAndOthersGetThePage() {
        assertFalse(ActivityMedia.wantsActivity(null));
        assertFalse(ActivityMedia.wantsActivity(""));
        assertFalse(ActivityMedia.wantsActivity("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
        assertFalse(ActivityMedia.wantsActivity("*/*"));
        assertFalse(ActivityMedia.wantsActivity("text/html, application/activity+json;q=0.5"));
        assertFalse(ActivityMedia.wantsActivity("application/activity+json;q=0"));
        assertFalse(ActivityMedia.wantsActivity("application/activity+json;q=oops"));
    }
}
