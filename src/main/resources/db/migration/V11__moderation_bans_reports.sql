-- Ban rules (org.ondes.moderation.Bans): what the directory refuses at YP add time, and ends at once when live.
-- kind: 'host' (the listen URL's host: exact, or '*.example.net' for every name under example.net), 'ip' (the YP
-- requester's address: one address or a CIDR range, IPv4 or IPv6), 'name' (the announced stream name: syntax 'glob'
-- or 'regex'), 'account' (every YP token of one account; value keeps its user name as it was, for the lists).
-- value is stored normalised (lower-case host, canonical range), so identical rules are refused as duplicates.
-- No foreign keys, like mod_actions: a rule names an account by id and outlives nothing.
CREATE TABLE mod_ban_rules (
    id              bigserial   PRIMARY KEY,
    kind            text        NOT NULL CHECK (kind IN ('host', 'ip', 'name', 'account')),
    syntax          text        CHECK (syntax IN ('glob', 'regex')),
    value           text        NOT NULL,
    account_id      bigint,
    reason          text        NOT NULL,
    created_by      bigint      NOT NULL,
    created_by_name text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'name') = (syntax IS NOT NULL)),
    CHECK ((kind = 'account') = (account_id IS NOT NULL))
);
CREATE UNIQUE INDEX mod_ban_rules_same_idx ON mod_ban_rules (kind, coalesce(syntax, ''), value);

-- Every instance keeps the rules in memory and checks this one row (about once a second) to learn that they changed;
-- each change of the rules bumps it in the same transaction.
CREATE TABLE mod_ban_rules_version (
    id      boolean PRIMARY KEY DEFAULT true CHECK (id),
    version bigint  NOT NULL
);
INSERT INTO mod_ban_rules_version (version) VALUES (0);

-- Reports from listeners (anonymous or signed in) about a station, and the moderators' queue. The text is stored as
-- plain text (org.ondes.text.PlainText) and only ever written out escaped. Reporters are not identified beyond the
-- account of a signed-in one; the per-address rate limit lives in limits_counters.
CREATE TABLE mod_reports (
    id             bigserial   PRIMARY KEY,
    station_id     uuid        NOT NULL,
    station_name   text        NOT NULL,
    reason         text        NOT NULL CHECK (reason IN ('spam', 'broken_stream', 'illegal_content',
                                                          'abusive_metadata', 'other')),
    text           text,
    reporter_id    bigint,
    state          text        NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'resolved', 'dismissed')),
    created_at     timestamptz NOT NULL DEFAULT now(),
    closed_at      timestamptz,
    closed_by_name text,
    note           text,
    CHECK ((state = 'open') = (closed_at IS NULL))
);
CREATE INDEX mod_reports_state_idx ON mod_reports (state, created_at DESC, id DESC);
CREATE INDEX mod_reports_open_station_idx ON mod_reports (station_id) WHERE state = 'open';

-- The moderation log names rules and reports too; a rule on a host or an address concerns no station or account.
ALTER TABLE mod_actions
    ADD COLUMN ban_id    bigint,
    ADD COLUMN report_id bigint,
    DROP CONSTRAINT mod_actions_action_check,
    DROP CONSTRAINT mod_actions_check;
ALTER TABLE mod_actions
    ADD CONSTRAINT mod_actions_action_check CHECK (action IN ('hide_station', 'unhide_station', 'suspend_account',
        'unsuspend_account', 'change_role', 'create_ban', 'delete_ban', 'resolve_report', 'dismiss_report')),
    ADD CONSTRAINT mod_actions_subject_check CHECK (station_id IS NOT NULL OR account_id IS NOT NULL
        OR ban_id IS NOT NULL OR report_id IS NOT NULL);
