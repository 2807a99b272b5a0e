-- The web interface signs browsers in with a session cookie (scripts keep using bearer tokens from /login). A session
-- is a row here rather than a self-contained token, so that signing out, a suspension or a role change takes effect
-- at once, even for a copied cookie. The cookie carries 256 random bits; only their SHA-256 hash is stored (like YP
-- tokens). Each session has its own CSRF token, which state-changing requests made with the cookie must echo.
CREATE TABLE accounts_sessions (
    id           bigserial   PRIMARY KEY,
    account_id   bigint      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    token_hash   bytea       NOT NULL UNIQUE,
    csrf_token   text        NOT NULL,
    user_agent   text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL
);
CREATE INDEX accounts_sessions_account_idx ON accounts_sessions (account_id);
CREATE INDEX accounts_sessions_expires_idx ON accounts_sessions (expires_at);

-- Roles (user, moderator, admin) exist since V1. Why an account is suspended is part of its state; the moderation
-- log keeps the history of who did what.
ALTER TABLE accounts ADD COLUMN suspension_reason text;
CREATE INDEX accounts_staff_idx ON accounts (role) WHERE role <> 'user';
CREATE INDEX accounts_suspended_idx ON accounts (suspended_at) WHERE suspended_at IS NOT NULL;

-- The first account of an instance is its admin. Instances created before roles were used have none: their oldest
-- account becomes admin, as it would have on a new instance.
UPDATE accounts SET role = 'admin'
WHERE id = (SELECT min(id) FROM accounts) AND NOT EXISTS (SELECT 1 FROM accounts WHERE role = 'admin');
