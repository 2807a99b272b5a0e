-- A station is the durable program (owner + name); a session is one live YP registration of it (one SID, one
-- listen URL). Relays and extra mounts of the same program are several sessions of one station.
-- Ended sessions are kept for a while with their end reason so streamers can see why a stream went away.
CREATE TABLE streams_stations (
    id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    owner_id    bigint      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name_key    text        NOT NULL,
    name        text        NOT NULL,
    description text,
    homepage    text,
    genres      text[]      NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (owner_id, name_key)
);

CREATE TABLE streams_sessions (
    id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    sid             text        NOT NULL UNIQUE,
    station_id      uuid        NOT NULL REFERENCES streams_stations (id) ON DELETE CASCADE,
    token_id        bigint      NOT NULL REFERENCES yp_tokens (id) ON DELETE CASCADE,
    listen_url      text        NOT NULL,
    content_type    text        NOT NULL,
    subtype         text,
    codec           text,
    bitrate         integer,
    quality         text,
    samplerate      integer,
    channels        integer,
    name            text        NOT NULL,
    genre_raw       text,
    description     text,
    homepage        text,
    admin_contact   text,
    language        text,
    source_instance text,
    requester_ip    text,
    user_agent      text,
    current_song    text,
    song_changed_at timestamptz,
    listeners       integer     NOT NULL DEFAULT 0,
    max_listeners   integer,
    state           text        NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'listed', 'unreachable')),
    state_reason    text,
    probe_attempts  integer     NOT NULL DEFAULT 0,
    next_probe_at   timestamptz,
    verified_at     timestamptz,
    started_at      timestamptz NOT NULL DEFAULT now(),
    last_touch_at   timestamptz NOT NULL DEFAULT now(),
    last_request_at timestamptz NOT NULL DEFAULT now(),
    last_message    text,
    touch_count     bigint      NOT NULL DEFAULT 0,
    ended_at        timestamptz,
    end_reason      text
) WITH (fillfactor = 70);
-- Touches (thousands per second) change last_touch_at, listeners, current_song …: none of those columns is indexed
-- and pages keep free space, so PostgreSQL applies touches as HOT updates without index maintenance. The expiry
-- job scans live sessions every 15 s instead of using an index on last_touch_at.
-- One live session per (token, listen URL): a repeated add replaces the old one.
CREATE UNIQUE INDEX streams_sessions_live_listen_url_idx ON streams_sessions (token_id, listen_url) WHERE ended_at IS NULL;
CREATE INDEX streams_sessions_probe_idx ON streams_sessions (next_probe_at) WHERE ended_at IS NULL AND state <> 'listed';
CREATE INDEX streams_sessions_station_idx ON streams_sessions (station_id, started_at DESC);
CREATE INDEX streams_sessions_ended_idx ON streams_sessions (ended_at) WHERE ended_at IS NOT NULL;
