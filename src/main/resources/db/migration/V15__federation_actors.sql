-- Issue 6: every station is an ActivityPub actor, @handle@host. The handle is made once from the station's name
-- (org.ondes.streams.StationHandles) and never changes, so follows survive renames. Stations that exist already get
-- a neutral one from their id.
ALTER TABLE streams_stations ADD COLUMN handle text CHECK (handle ~ '^[a-z0-9_]{1,30}$');
UPDATE streams_stations SET handle = 'station_' || substr(replace(id::text, '-', ''), 1, 12) WHERE handle IS NULL;
CREATE UNIQUE INDEX streams_stations_handle_idx ON streams_stations (handle);

-- One RSA 2048 key pair per actor (the instance actor is 'instance', a station its id), made when first needed.
-- The private key never leaves this table and the signing code; PEM text (PKCS#8 / SPKI).
CREATE TABLE fed_actor_keys (
    actor       text        PRIMARY KEY,
    public_pem  text        NOT NULL,
    private_pem text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
