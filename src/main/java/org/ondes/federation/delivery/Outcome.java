package org.ondes.federation.delivery;

import org.ondes.probe.ProbeException;

/**
 * What one attempt of a delivery came to, and what follows from it: {@link Delivered} (the row goes),
 * {@link Gone} (the row goes and the inbox is reported gone), {@link Dropped} (the row goes, logged) or {@link Retry}.
 * Each says what it tells about the receiving host, for its circuit breaker. Pure.
 */
sealed interface Outcome {
    /** A 404 this many times in a row counts as gone. */
    int NOT_FOUND_LIMIT = 3;

    /** What an attempt tells about the receiving host. */
    enum Host {
        /** It answered: the circuit closes. */
        UP,
        /** It failed (5xx, 408, 429, timeout, connection): one more consecutive failure. */
        DOWN,
        /** Nothing was sent, or nothing can be concluded. */
        UNKNOWN
    }

    Host host();

    /** 2xx: the inbox has the activity. */
    record Delivered(int status) implements Outcome {
        @Override
        public Host host() {
            return Host.UP;
        }
    }

    /** 410, or the {@link #NOT_FOUND_LIMIT}th 404: the inbox is gone, and whoever lives behind it with it. */
    record Gone(int status) implements Outcome {
        @Override
        public Host host() {
            return Host.UP;
        }
    }

    /** Not worth another try (a 4xx the receiver means, a blocked domain, a signer that is no longer ours). */
    record Dropped(String reason, Host host) implements Outcome {
    }

    /**
     * Worth another try, later.
     *
     * @param status   the HTTP status when there was an answer, else null
     * @param notFound the answer was a 404 (counted towards {@link #NOT_FOUND_LIMIT})
     */
    record Retry(Integer status, String reason, boolean notFound, Host host) implements Outcome {
    }

    /**
     * The outcome of an answer with {@code status}, for a delivery that already had {@code notFoundBefore} 404s;
     * {@code body} is the start of the answer's body, already cleaned, for the reason.
     */
    static Outcome ofStatus(int status, int notFoundBefore, String body) {
        String reason = "HTTP " + status + (body == null || body.isEmpty() ? "" : ": " + body);
        if (status >= 200 && status < 300) {
            return new Delivered(status);
        }
        if (status == 410) {
            return new Gone(status);
        }
        if (status == 404) {
            return notFoundBefore + 1 >= NOT_FOUND_LIMIT ? new Gone(status) : new Retry(status, reason, true, Host.UP);
        }
        if (status == 408 || status == 429 || status >= 500) {
            return new Retry(status, reason, false, Host.DOWN);
        }
        if (status >= 400) {
            return new Dropped(reason, Host.UP);
        }
        // 1xx/3xx: the host is up but did not take the activity (redirects are not followed for a signed POST)
        return new Retry(status, reason, false, Host.UP);
    }

    /** The outcome of an attempt that got no answer. */
    static Outcome ofFailure(ProbeException e) {
        if (e.kind() == ProbeException.Kind.INVALID_URL) {
            return new Dropped(e.reason(), Host.UNKNOWN);
        }
        // timeouts, refused or broken connections, TLS, unresolvable names, and addresses the guard refuses (a name
        // may resolve elsewhere later): all count against the host
        return new Retry(null, e.reason(), false, Host.DOWN);
    }
}
