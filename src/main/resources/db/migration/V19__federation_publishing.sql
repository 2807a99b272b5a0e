-- Issue 6, publishing: the go-live Notes stations post for people, and which live sessions were published as Audio
-- objects for other Ondes instances. Rows are written in the transaction that queues the matching activity.

-- One Note per go-live of a station (not per mount): what it said, so /notes/{id}, the outbox and the Update sent when
-- the station goes offline are made from the same facts. At most one Note per station is open (not ended).
CREATE TABLE fed_notes (
    id           uuid        PRIMARY KEY,
    station_id   uuid        NOT NULL,
    create_id    text        NOT NULL,
    station_name text        NOT NULL,
    description  text,
    genres       text[]      NOT NULL DEFAULT '{}',
    logo_url     text,
    listen_url   text,
    now_playing  text,
    published_at timestamptz NOT NULL,
    -- when the station last (re)opened it: a station back on air within the flapping window reopens its last Note
    opened_at    timestamptz NOT NULL,
    ended_at     timestamptz
);
CREATE INDEX fed_notes_station_idx ON fed_notes (station_id, published_at DESC);
CREATE UNIQUE INDEX fed_notes_open_idx ON fed_notes (station_id) WHERE ended_at IS NULL;

-- Live sessions published as Audio (/live/{session_id}). last_sent_at rate-limits Updates across instances;
-- ended_at is when the Delete went out: /live answers 410 until the row is pruned (30 days).
CREATE TABLE fed_live_sessions (
    session_id   uuid        PRIMARY KEY,
    station_id   uuid        NOT NULL,
    published_at timestamptz NOT NULL,
    last_sent_at timestamptz NOT NULL,
    ended_at     timestamptz
);
CREATE INDEX fed_live_sessions_open_idx ON fed_live_sessions (station_id) WHERE ended_at IS NULL;
CREATE INDEX fed_live_sessions_ended_idx ON fed_live_sessions (ended_at) WHERE ended_at IS NOT NULL;

-- Periodic publishing passes shared by every instance on the database: whichever instance moves last_run_at on
-- first runs the cycle, the others skip it. The first refresh is one interval after this migration.
CREATE TABLE fed_publish_runs (
    job         text        PRIMARY KEY,
    last_run_at timestamptz NOT NULL
);
INSERT INTO fed_publish_runs (job, last_run_at) VALUES ('live-refresh', now());
