-- The catalog's read model. One row per station with at least one listed live session (relays grouped: listeners
-- summed, every listen URL offered), maintained by CatalogProjection from stream events, so listener searches never
-- touch the tables of the YP write path and touches stay HOT updates. Rebuildable from the streams capability.
CREATE TABLE catalog_entries (
    station_id      uuid        PRIMARY KEY,
    name            text        NOT NULL,
    description     text,
    homepage        text,
    genres          text[]      NOT NULL DEFAULT '{}',
    codecs          text[]      NOT NULL DEFAULT '{}',
    content_types   text[]      NOT NULL DEFAULT '{}',
    bitrate         integer,
    language        text,
    country         text,
    https           boolean     NOT NULL DEFAULT false,
    listeners       integer     NOT NULL DEFAULT 0,
    current_song    text,
    live_since      timestamptz NOT NULL,
    last_touch      timestamptz NOT NULL,
    sessions        jsonb       NOT NULL,
    search          tsvector    NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    checked_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX catalog_entries_search_idx ON catalog_entries USING gin (search);
CREATE INDEX catalog_entries_genres_idx ON catalog_entries USING gin (genres);
CREATE INDEX catalog_entries_codecs_idx ON catalog_entries USING gin (codecs);
CREATE INDEX catalog_entries_listeners_idx ON catalog_entries (listeners, station_id);
CREATE INDEX catalog_entries_name_idx ON catalog_entries (lower(name), station_id);
CREATE INDEX catalog_entries_live_since_idx ON catalog_entries (live_since, station_id);
CREATE INDEX catalog_entries_bitrate_idx ON catalog_entries (bitrate, station_id);
-- updated_at: last change of content (unchanged re-projections write nothing); checked_at: last re-projection.
CREATE INDEX catalog_entries_checked_idx ON catalog_entries (checked_at);

-- One row: bumped with every projection write, so list responses get a cheap ETag/Last-Modified.
CREATE TABLE catalog_meta (
    id         boolean     PRIMARY KEY DEFAULT true CHECK (id),
    version    bigint      NOT NULL,
    changed_at timestamptz NOT NULL
);
INSERT INTO catalog_meta (version, changed_at) VALUES (0, now());

-- Now-playing history per station (consecutive repeats from relays are not recorded twice).
CREATE TABLE catalog_song_history (
    id         bigserial   PRIMARY KEY,
    station_id uuid        NOT NULL,
    song       text        NOT NULL,
    started_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX catalog_song_history_station_idx ON catalog_song_history (station_id, started_at DESC);

-- Listener counts per station: one sample a minute for the last 24 h, hourly averages beyond (for sparklines).
CREATE TABLE catalog_listener_samples (
    station_id uuid        NOT NULL,
    sampled_at timestamptz NOT NULL,
    listeners  integer     NOT NULL,
    PRIMARY KEY (station_id, sampled_at)
);
