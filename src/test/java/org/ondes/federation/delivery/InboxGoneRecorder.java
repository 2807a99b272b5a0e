package org.ondes.federation.delivery;

import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test bean: records every {@link InboxGone} the instance publishes (only with {@code ondes.test.record-gone}). */
@Singleton
@Requires(property = "ondes.test.record-gone", value = "true")
class InboxGoneRecorder {
    final List<String> inboxes = new CopyOnWriteArrayList<>();

    @EventListener
    void on(InboxGone event) {
        inboxes.add(event.inbox());
    }
}
