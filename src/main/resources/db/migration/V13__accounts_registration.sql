-- Registration modes, invitations, approval of new accounts and the one-time admin setup link (issue 5).

-- One row of instance-wide account settings, shared by every instance on this database. The row is written on the
-- first start (with ONDES_REGISTRATION_MODE, default open) and then only by an admin.
CREATE TABLE accounts_settings (
    id                boolean     PRIMARY KEY DEFAULT true CHECK (id),
    registration_mode text        NOT NULL CHECK (registration_mode IN ('open', 'approval', 'invite')),
    updated_at        timestamptz NOT NULL DEFAULT now()
);

-- Invitations made by moderators and admins. The code (256 random bits) is shown once, in the link; only its SHA-256
-- hash is kept (like YP tokens). uses counts the accounts created with it; a use is taken with one conditional UPDATE,
-- so concurrent sign-ups can never exceed max_uses.
CREATE TABLE accounts_invites (
    id              bigserial   PRIMARY KEY,
    code_hash       bytea       NOT NULL UNIQUE,
    created_by      bigint      REFERENCES accounts (id) ON DELETE SET NULL,
    created_by_name text        NOT NULL,
    note            text,
    max_uses        integer     NOT NULL CHECK (max_uses BETWEEN 1 AND 1000),
    uses            integer     NOT NULL DEFAULT 0 CHECK (uses >= 0 AND uses <= max_uses),
    expires_at      timestamptz NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    revoked_at      timestamptz
);
CREATE INDEX accounts_invites_created_idx ON accounts_invites (created_at DESC, id DESC);

-- pending_since: the account was created in approval mode and waits for a moderator; it cannot sign in until then.
-- Rejecting a pending account deletes it. invite_id and invited_by record who invited whom.
ALTER TABLE accounts
    ADD COLUMN pending_since timestamptz,
    ADD COLUMN invite_id     bigint REFERENCES accounts_invites (id) ON DELETE SET NULL,
    ADD COLUMN invited_by    bigint REFERENCES accounts (id) ON DELETE SET NULL;
CREATE INDEX accounts_pending_idx ON accounts (pending_since) WHERE pending_since IS NOT NULL;
CREATE INDEX accounts_invite_idx ON accounts (invite_id) WHERE invite_id IS NOT NULL;

-- One-time admin setup links printed by `java -jar ondes.jar admin-setup`: hashed like invites, valid for one hour,
-- used once.
CREATE TABLE accounts_admin_setup (
    id         bigserial   PRIMARY KEY,
    token_hash bytea       NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    used_by    bigint      REFERENCES accounts (id) ON DELETE SET NULL
);
