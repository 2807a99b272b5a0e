package org.ondes.federation.delivery;

import jakarta.inject.Singleton;
import org.ondes.config.AfterCommit;
import jakarta.transaction.Transactional;
import org.ondes.federation.DomainBlocks;
import org.ondes.federation.FederationSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The delivery queue's front door: queues an activity for remote inboxes. Sending, retries, the circuit breaker and
 * reporting gone inboxes ({@link InboxGone}) are the queue's business (docs/federation.md, "Delivery").
 */
@Singleton
public class Deliveries {
    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);

    private final DeliveryStore store;
    private final DomainBlocks blocks;
    private final DeliveryWorker worker;
    private final AfterCommit afterCommit;
    private final boolean enabled;

    Deliveries(DeliveryStore store, DomainBlocks blocks, DeliveryWorker worker, AfterCommit afterCommit,
               FederationSettings settings) {
        this.store = store;
        this.blocks = blocks;
        this.worker = worker;
        this.afterCommit = afterCommit;
        this.enabled = settings.enabled();
    }

    /**
     * Queues {@code body} (the exact bytes to send, signed at each attempt by {@code signerActorId}, one of this
     * instance's actors) for each inbox, in the caller's transaction: the activity is queued if and only if what
     * caused it commits, and this instance starts sending right after the commit. One delivery per distinct inbox URL
     * (exact match; the caller has already put shared inboxes in place of personal ones); an inbox that has this
     * activity queued already, that is not an absolute http(s) URL or whose domain is blocked is skipped.
     */
    @Transactional
    public void enqueue(String activityId, byte[] body, String signerActorId, Collection<String> inboxes) {
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(signerActorId, "signerActorId");
        Objects.requireNonNull(inboxes, "inboxes");
        if (!enabled) {
            return;
        }
        Map<String, InboxTarget> targets = new LinkedHashMap<>();
        for (String inbox : inboxes) {
            Optional<InboxTarget> target = InboxTarget.parse(inbox);
            if (target.isEmpty()) {
                LOG.debug("Not delivering {} to {}: not an http(s) URL", activityId, inbox);
            } else if (blocks.blocks(target.get().host())) {
                LOG.debug("Not delivering {} to {}: the domain is blocked", activityId, target.get().inbox());
            } else {
                targets.putIfAbsent(target.get().inbox(), target.get());
            }
        }
        if (targets.isEmpty()) {
            return;
        }
        List<InboxTarget> list = new ArrayList<>(targets.values());
        store.insert(activityId, body.clone(), signerActorId, list, Instant.now());
        afterCommit.run(worker::wakeUp);
    }
}
