-- Owners edit their station's profile: each profile_* column overrides what Icecast announces (NULL = use the
-- announcement), so edits survive new YP adds, which only rewrite the announced columns. Country and logo exist only
-- here (YP has no such fields). A station can be hidden by its owner (unlisted) or by a moderator (with a reason);
-- either way it leaves every public list: the generated column "hidden" is what the read paths filter on.
ALTER TABLE streams_stations
    ADD COLUMN profile_name               text,
    ADD COLUMN profile_description        text,
    ADD COLUMN profile_homepage           text,
    ADD COLUMN profile_genres             text[],
    ADD COLUMN profile_language           text,
    ADD COLUMN profile_country            text CHECK (profile_country ~ '^[A-Z]{2}$'),
    ADD COLUMN profile_logo_url           text CHECK (profile_logo_url LIKE 'https://%'),
    ADD COLUMN hidden_by_owner            boolean NOT NULL DEFAULT false,
    ADD COLUMN hidden_by_moderator_at     timestamptz,
    ADD COLUMN hidden_by_moderator_reason text,
    ADD COLUMN hidden                     boolean GENERATED ALWAYS AS
        (hidden_by_owner OR hidden_by_moderator_at IS NOT NULL) STORED;
CREATE INDEX streams_stations_moderated_idx ON streams_stations (hidden_by_moderator_at DESC)
    WHERE hidden_by_moderator_at IS NOT NULL;

-- The catalog shows the owner's logo (never fetched by the server: clients load it from its https URL).
ALTER TABLE catalog_entries ADD COLUMN logo_url text;

-- Every moderation and admin action: who, when, on what, why. It is the start of the audit log (reports and ban
-- rules come later). No foreign keys: the log outlives the accounts and stations it names, so it keeps their names
-- as they were at the time.
CREATE TABLE mod_actions (
    id         bigserial   PRIMARY KEY,
    action     text        NOT NULL CHECK (action IN ('hide_station', 'unhide_station', 'suspend_account',
                                                      'unsuspend_account', 'change_role')),
    actor_id   bigint      NOT NULL,
    actor_name text        NOT NULL,
    station_id uuid,
    account_id bigint,
    subject    text        NOT NULL,
    reason     text,
    detail     text,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (station_id IS NOT NULL OR account_id IS NOT NULL)
);
CREATE INDEX mod_actions_created_idx ON mod_actions (created_at DESC, id DESC);
CREATE INDEX mod_actions_station_idx ON mod_actions (station_id, created_at DESC) WHERE station_id IS NOT NULL;
CREATE INDEX mod_actions_account_idx ON mod_actions (account_id, created_at DESC) WHERE account_id IS NOT NULL;
