-- Station profile change history (issue 5, "who, when, what"): one row per change of a station's profile overrides,
-- made by its owner (the API or the /me form) or by a moderator rolling an earlier change back. It keeps the actor's
-- id, name and role as they were, and for each changed field its value before and after, so moderators can undo
-- vandalism field by field. Rows are written in the transaction of the change, which holds the station row locked:
-- within a station, ids are in the order the changes happened. The owner's "unlisted" choice is not profile content
-- and is not recorded here (see docs/security.md). No foreign key on the actor, like mod_actions: the history outlives
-- accounts and keeps their names as they were; it goes with its station.
CREATE TABLE streams_profile_changes (
    id         bigserial   PRIMARY KEY,
    station_id uuid        NOT NULL REFERENCES streams_stations (id) ON DELETE CASCADE,
    kind       text        NOT NULL CHECK (kind IN ('owner_edit', 'rollback')),
    actor_id   bigint      NOT NULL,
    actor_name text        NOT NULL,
    actor_role text        NOT NULL CHECK (actor_role IN ('user', 'moderator', 'admin')),
    -- [{"field": "displayName", "before": "Old name" | null, "after": "New name" | null}, ...]; genres are arrays.
    fields     jsonb       NOT NULL CHECK (jsonb_typeof(fields) = 'array' AND jsonb_array_length(fields) > 0),
    rolls_back bigint      REFERENCES streams_profile_changes (id) ON DELETE CASCADE,
    -- the time of the insert, made under the station's lock (now() would be the transaction's start, which may come
    -- before the previous change of the same station)
    created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    CHECK ((kind = 'rollback') = (rolls_back IS NOT NULL))
);
CREATE INDEX streams_profile_changes_station_idx ON streams_profile_changes (station_id, id DESC);
