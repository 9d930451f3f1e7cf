-- Admin access: the people who may change settings, API keys for programs, logged-in sessions and the audit
-- trail. Secrets are never stored: passwords as a self-describing hash, key secrets and session tokens as digests.
-- Usernames are unique without case through username_key, the lower-cased username the repository writes: the
-- same on every database, where a case-insensitive index would need a different collation or function on each.
CREATE TABLE admin_user (
    id                  VARCHAR(36)  NOT NULL PRIMARY KEY,
    username            VARCHAR(64)  NOT NULL,
    username_key        VARCHAR(64)  NOT NULL UNIQUE,
    password_hash       VARCHAR(255) NOT NULL,
    created_at          BIGINT       NOT NULL,
    password_changed_at BIGINT       NOT NULL
);

CREATE TABLE api_key (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    name          VARCHAR(100) NOT NULL,
    scope         VARCHAR(16)  NOT NULL,
    secret_digest VARCHAR(128) NOT NULL,
    created_by    VARCHAR(255) NOT NULL,
    created_at    BIGINT       NOT NULL,
    last_used_at  BIGINT
);

-- The session's username is read from admin_user, so it cannot drift from the user's.
CREATE TABLE admin_session (
    token_digest  VARCHAR(128) NOT NULL PRIMARY KEY,
    admin_user_id VARCHAR(36)  NOT NULL REFERENCES admin_user (id) ON DELETE CASCADE,
    csrf_token    VARCHAR(128) NOT NULL,
    created_at    BIGINT       NOT NULL,
    last_seen_at  BIGINT       NOT NULL,
    expires_at    BIGINT       NOT NULL
);

CREATE INDEX admin_session_by_user ON admin_session (admin_user_id);
CREATE INDEX admin_session_by_expiry ON admin_session (expires_at);

-- Free text columns are unbounded: an audit write must not fail because a request's path or target was long.
CREATE TABLE audit_entry (
    id       VARCHAR(36)  NOT NULL PRIMARY KEY,
    at       BIGINT       NOT NULL,
    actor    TEXT       NOT NULL,
    action   TEXT       NOT NULL,
    target   TEXT       NOT NULL,
    outcome  TEXT       NOT NULL,
    address  VARCHAR(255)
);

CREATE INDEX audit_entry_by_time ON audit_entry (at);
