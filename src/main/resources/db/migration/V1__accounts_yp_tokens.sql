-- Accounts own everything that gets listed; every listing is announced through one of the owner's YP tokens,
-- so abuse can be cut off per token. Tokens are stored only as SHA-256 hashes (they carry 256 random bits,
-- so a slow KDF adds nothing); valid_from/valid_until prepare time-boxed tokens for booked event slots.
CREATE TABLE accounts (
    id            bigserial PRIMARY KEY,
    username      text        NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9_]{2,32}$'),
    email         text,
    password_hash text        NOT NULL,
    role          text        NOT NULL DEFAULT 'user' CHECK (role IN ('user', 'moderator', 'admin')),
    suspended_at  timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE yp_tokens (
    id           bigserial PRIMARY KEY,
    account_id   bigint      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    label        text        NOT NULL,
    token_hash   bytea       NOT NULL UNIQUE,
    token_hint   text        NOT NULL,
    valid_from   timestamptz,
    valid_until  timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at   timestamptz,
    CHECK (valid_until IS NULL OR valid_from IS NULL OR valid_from < valid_until)
);
CREATE INDEX yp_tokens_account_idx ON yp_tokens (account_id);
