package org.ondes.limits;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The limits capability's facade: counted limits ({@link Limit}) and the growing wait after failed sign-ins, shared by
 * every instance on the database. Limits guard against abuse, not against our own faults: when the database cannot
 * answer, a limit lets the request through (and logs it, at most once a minute) rather than refuse a streamer or a
 * listener because of an outage.
 */
@Singleton
public class Limits {
    private static final Logger LOG = LoggerFactory.getLogger(Limits.class);
    private static final long WARN_EVERY_MS = 60_000;
    private final CounterStore store;
    private final LimitsSettings settings;
    private final LoginBackoff backoff;
    private final AtomicLong lastWarning = new AtomicLong();

    Limits(CounterStore store, LimitsSettings settings) {
        this.store = store;
        this.settings = settings;
        this.backoff = settings.loginBackoff();
    }

    public LimitsSettings settings() {
        return settings;
    }

    /** Counts one request of {@code key} (a token id, {@link ClientAddress#limitKey()}) and judges it. */
    public Decision acquire(Limit limit, String key) {
        int max = settings.max(limit);
        if (max <= 0) {
            return Decision.allow(0, limit.window());
        }
        try {
            CounterStore.Counts c = store.hit(limit.bucket() + ":" + key, limit.window());
            return SlidingWindow.afterHit(max, limit.window(), c.previous(), c.current(), c.elapsed());
        } catch (RuntimeException e) {
            return failOpen(limit.bucket(), e, max, limit.window());
        }
    }

    /** Whether one more request of {@code key} would be within the limit, without counting it. */
    public Decision peek(Limit limit, String key) {
        int max = settings.max(limit);
        if (max <= 0) {
            return Decision.allow(0, limit.window());
        }
        try {
            CounterStore.Counts c = store.peek(limit.bucket() + ":" + key, limit.window());
            return SlidingWindow.peek(max, limit.window(), c.previous(), c.current(), c.elapsed());
        } catch (RuntimeException e) {
            return failOpen(limit.bucket(), e, max, limit.window());
        }
    }

    /** Whether {@code client} may try a password now, or must wait after its failed sign-ins. */
    public Decision signInAllowed(ClientAddress client) {
        Duration window = backoff.forgetAfter();
        if (!backoff.enabled()) {
            return Decision.allow(0, window);
        }
        try {
            Duration wait = store.loginWait(bucket(client));
            return wait.isNegative() || wait.isZero() ? Decision.allow(backoff.free(), window)
                    : Decision.refuse(backoff.free(), window, wait);
        } catch (RuntimeException e) {
            return failOpen("sign-in", e, backoff.free(), window);
        }
    }

    /** Records a failed sign-in of {@code client} (an unknown user or a wrong password). */
    public void signInFailed(ClientAddress client) {
        if (!backoff.enabled()) {
            return;
        }
        try {
            store.loginFailed(bucket(client), backoff);
        } catch (RuntimeException e) {
            failOpen("sign-in", e, backoff.free(), backoff.forgetAfter());
        }
    }

    private static String bucket(ClientAddress client) {
        return "login:" + client.limitKey();
    }

    private Decision failOpen(String what, RuntimeException e, int max, Duration window) {
        long now = System.currentTimeMillis();
        long last = lastWarning.get();
        if (now - last > WARN_EVERY_MS && lastWarning.compareAndSet(last, now)) {
            LOG.warn("Limit {} not checked, request let through: {}", what, e.toString());
        }
        return Decision.allow(max, window);
    }
}
