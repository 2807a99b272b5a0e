-- Issue 6: who follows whom, what arrived in the inboxes, and what still has to be delivered. Every instance on the
-- database works these tables together: queues are taken with FOR UPDATE SKIP LOCKED.

-- Remote actors we have fetched (followers, follow targets, signers): where to deliver and which key they sign with.
-- Refetched when older than a day, or at once when a signature fails (key rotation).
CREATE TABLE fed_remote_actors (
    id                 text        PRIMARY KEY,
    host               text        NOT NULL,
    type               text        NOT NULL,
    preferred_username text,
    name               text,
    inbox              text        NOT NULL,
    shared_inbox       text,
    key_id             text,
    public_key_pem     text,
    ondes_catalog      boolean     NOT NULL DEFAULT false,
    fetched_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX fed_remote_actors_key_idx ON fed_remote_actors (key_id);
CREATE INDEX fed_remote_actors_host_idx ON fed_remote_actors (host);

-- Followers of our actors: the instance actor ('instance') or a station (its id). follow_id is the Follow activity's
-- id, which Undo may name alone.
CREATE TABLE fed_followers (
    local_actor  text        NOT NULL,
    remote_actor text        NOT NULL REFERENCES fed_remote_actors (id) ON DELETE CASCADE,
    follow_id    text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (local_actor, remote_actor)
);
CREATE INDEX fed_followers_follow_idx ON fed_followers (follow_id);
CREATE INDEX fed_followers_remote_idx ON fed_followers (remote_actor);

-- Whom this instance's actor follows (admins add them): pending until the Accept arrives.
CREATE TABLE fed_following (
    id           bigserial   PRIMARY KEY,
    target       text        NOT NULL,
    remote_actor text        NOT NULL UNIQUE,
    follow_id    text        NOT NULL UNIQUE,
    state        text        NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'accepted', 'rejected')),
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

-- Activities received and verified, deduplicated by id, processed after the 202 by whichever instance takes them.
CREATE TABLE fed_inbox (
    id           bigserial   PRIMARY KEY,
    activity_id  text        NOT NULL UNIQUE,
    actor        text        NOT NULL,
    local_actor  text,
    body         bytea       NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now(),
    attempts     integer     NOT NULL DEFAULT 0,
    next_try_at  timestamptz NOT NULL DEFAULT now(),
    done_at      timestamptz,
    error        text
);
CREATE INDEX fed_inbox_todo_idx ON fed_inbox (next_try_at) WHERE done_at IS NULL;
CREATE INDEX fed_inbox_done_idx ON fed_inbox (done_at) WHERE done_at IS NOT NULL;

-- Outgoing activities, one row per (activity, inbox): a shared inbox gets an activity once. The body is the exact
-- bytes to send; the signature is made at each attempt (peers refuse signatures older than about an hour).
CREATE TABLE fed_deliveries (
    id           bigserial   PRIMARY KEY,
    activity_id  text        NOT NULL,
    inbox        text        NOT NULL,
    host         text        NOT NULL,
    signer       text        NOT NULL,
    body         bytea       NOT NULL,
    attempts     integer     NOT NULL DEFAULT 0,
    next_try_at  timestamptz NOT NULL DEFAULT now(),
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_status  integer,
    last_error   text,
    UNIQUE (activity_id, inbox)
);
CREATE INDEX fed_deliveries_due_idx ON fed_deliveries (next_try_at);
CREATE INDEX fed_deliveries_host_idx ON fed_deliveries (host);

-- Per receiving host: consecutive failures and, while its circuit is open, when to try it again. A dead or slow
-- host then costs one probe per cool-off instead of a worker per delivery.
CREATE TABLE fed_hosts (
    host                 text        PRIMARY KEY,
    consecutive_failures integer     NOT NULL DEFAULT 0,
    open_until           timestamptz,
    last_success_at      timestamptz,
    last_failure_at      timestamptz,
    last_error           text
);

-- Domains moderators cut off, both ways: their requests get 403, nothing is sent or fetched there. A domain blocks
-- its subdomains too.
CREATE TABLE fed_domain_blocks (
    domain          text        PRIMARY KEY,
    reason          text        NOT NULL,
    created_by_name text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);
