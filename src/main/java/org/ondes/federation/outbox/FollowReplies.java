package org.ondes.federation.outbox;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.ondes.federation.Activities;
import org.ondes.federation.ActivityResponses;
import org.ondes.federation.delivery.Deliveries;
import org.ondes.federation.inbox.FollowAccepted;

import java.util.List;
import java.util.Map;

/** Answers each recorded Follow with an Accept to the follower's own inbox, queued in the same transaction. */
@Singleton
class FollowReplies {
    private final Activities activities;
    private final ActivityResponses json;
    private final Deliveries deliveries;

    FollowReplies(Activities activities, ActivityResponses json, Deliveries deliveries) {
        this.activities = activities;
        this.json = json;
        this.deliveries = deliveries;
    }

    @EventListener
    void onFollow(FollowAccepted event) {
        Map<String, Object> accept = activities.accept(event.localActor(), event.follow());
        deliveries.enqueue((String) accept.get("id"), json.bytes(accept), event.localActor(),
                List.of(event.followerInbox()));
    }
}
