-- Issue 6, receiving: live streams of other Ondes instances this one follows are sessions of "remote" stations, so
-- the catalog, search, the live feed, the exports and moderation's hide treat them like local ones. A remote station
-- has no owner and no handle (it is never one of our actors) but an origin: the host[:port] of the instance it comes
-- from, its actor URL there (one station per actor) and its page there. A remote session has no YP token: its
-- Audio object's id names it, and it ends when its origin says so or when no refresh came before remote_expires_at.
ALTER TABLE streams_stations
    ALTER COLUMN owner_id DROP NOT NULL,
    ADD COLUMN origin       text,
    ADD COLUMN remote_actor text UNIQUE,
    ADD COLUMN remote_url   text,
    ADD CONSTRAINT streams_stations_owner_xor_origin CHECK ((owner_id IS NULL) <> (origin IS NULL)),
    ADD CONSTRAINT streams_stations_remote_complete CHECK (origin IS NULL OR (remote_actor IS NOT NULL AND handle IS NULL));
CREATE INDEX streams_stations_origin_idx ON streams_stations (origin) WHERE origin IS NOT NULL;

ALTER TABLE streams_sessions
    ALTER COLUMN token_id DROP NOT NULL,
    ADD COLUMN remote_object     text UNIQUE,
    ADD COLUMN remote_expires_at timestamptz,
    ADD CONSTRAINT streams_sessions_token_xor_remote CHECK ((token_id IS NULL) <> (remote_object IS NULL));
-- The remote expiry job looks only at live remote sessions.
CREATE INDEX streams_sessions_remote_expiry_idx ON streams_sessions (remote_expires_at)
    WHERE ended_at IS NULL AND remote_object IS NOT NULL;

-- Where a catalog entry comes from: null for this instance's stations, else the origin's host and station page.
ALTER TABLE catalog_entries
    ADD COLUMN origin     text,
    ADD COLUMN origin_url text;
