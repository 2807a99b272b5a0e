package org.ondes.federation.follows;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.ondes.federation.delivery.InboxGone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An inbox that answered 410 Gone (or kept answering 404) loses the follows that delivered there. */
@Singleton
class GoneInboxes {
    private static final Logger LOG = LoggerFactory.getLogger(GoneInboxes.class);
    private final Followers followers;

    GoneInboxes(Followers followers) {
        this.followers = followers;
    }

    @EventListener
    void onGone(InboxGone event) {
        int removed = followers.removeByInbox(event.inbox());
        if (removed > 0) {
            LOG.info("Inbox {} is gone: {} follows ended", event.inbox(), removed);
        }
    }
}
