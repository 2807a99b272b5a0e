package org.ondes.federation.outbox;

import jakarta.inject.Singleton;
import org.ondes.config.PublicUrls;
import org.ondes.federation.Activities;
import org.ondes.federation.ActivityResponses;
import org.ondes.federation.delivery.Deliveries;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Queues what a station actor says publicly: an activity from the station, addressed to everyone with its followers
 * collection in {@code cc}, signed by the station's key when it is sent. Joins the caller's transaction.
 */
@Singleton
class StationActivities {
    private final Activities activities;
    private final ActivityResponses json;
    private final Deliveries deliveries;
    private final PublicUrls urls;

    StationActivities(Activities activities, ActivityResponses json, Deliveries deliveries, PublicUrls urls) {
        this.activities = activities;
        this.json = json;
        this.deliveries = deliveries;
        this.urls = urls;
    }

    /** The URLs of this instance's published objects, as they are now. */
    Links links() {
        return new Links(urls.base());
    }

    /** A new public {@code type} activity of the station about {@code object}, queued for {@code inboxes}. */
    void send(String type, Object context, UUID stationId, Object object, Collection<String> inboxes) {
        Links links = links();
        String actor = links.station(stationId);
        queue(activities.publicActivity(type, context, actor, object, links.followers(stationId)), stationId, inboxes);
    }

    /** An activity of the station built by the caller (its {@code id} and {@code actor} set), queued for {@code inboxes}. */
    void queue(Map<String, Object> activity, UUID stationId, Collection<String> inboxes) {
        deliveries.enqueue((String) activity.get("id"), json.bytes(activity), links().station(stationId), inboxes);
    }

    /** A fresh activity id. */
    String newId() {
        return activities.newId();
    }
}
