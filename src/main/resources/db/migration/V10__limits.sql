-- Anti-abuse limits (org.ondes.limits). The counters live in the database so that every instance sharing it counts
-- into the same numbers: a limit of N per minute holds for the directory, not N per instance.
--
-- limits_counters: one row per key and fixed window (window_start is a multiple of the window length since the
-- epoch, from the database's clock); the limiter weighs the previous window to approximate a sliding one. A row is
-- useless once the window after it has ended (expires_at), and the prune job deletes it.
--
-- Both tables are UNLOGGED: thousands of tiny updates write no WAL, and after a crash PostgreSQL empties them, which
-- only forgives recent requests. They are not replicated to standbys for the same reason.
CREATE UNLOGGED TABLE limits_counters (
    bucket       text        NOT NULL,
    window_start timestamptz NOT NULL,
    hits         integer     NOT NULL,
    expires_at   timestamptz NOT NULL,
    PRIMARY KEY (bucket, window_start)
);
CREATE INDEX limits_counters_expires_idx ON limits_counters (expires_at);

-- Failed sign-ins per client address: how many in a row, and until when the next attempt must wait. Forgotten
-- (expires_at) after a quiet period without failures.
CREATE UNLOGGED TABLE limits_login_failures (
    bucket          text        PRIMARY KEY,
    failures        integer     NOT NULL,
    last_failure_at timestamptz NOT NULL,
    blocked_until   timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL
);
CREATE INDEX limits_login_failures_expires_idx ON limits_login_failures (expires_at);
