-- The catalog's live feed (GET /api/v1/events) must reach clients on every instance that shares this database, and a
-- client that reconnects must be able to resume where it stopped. So each domain event is written here, an instance
-- that wrote a batch says so with NOTIFY ondes_events, and every instance reads the rows it has not seen yet.
-- Rows are kept only for the resume window (ondes.events.retention-seconds, 5 minutes by default), then pruned.
-- No foreign keys: an event outlives nothing and must never block or slow down the streams tables.
CREATE TABLE catalog_events (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    type         text        NOT NULL CHECK (type IN ('live', 'offline', 'nowPlaying', 'listeners')),
    station_id   uuid        NOT NULL,
    session_id   uuid        NOT NULL,
    current_song text,
    listeners    integer,
    reason       text,
    occurred_at  timestamptz NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);

-- The pruning job deletes by age.
CREATE INDEX catalog_events_created_at_idx ON catalog_events (created_at);
