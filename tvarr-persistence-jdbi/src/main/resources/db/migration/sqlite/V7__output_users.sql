-- Output users: the accounts players log in with to a proxy's Xtream Codes door. Usernames are unique across
-- proxies because Xtream URLs name no proxy; the password is stored only as a self-describing hash.
CREATE TABLE output_user (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    proxy_id        VARCHAR(36)  NOT NULL REFERENCES stream_proxy (id) ON DELETE CASCADE,
    username        VARCHAR(64)  NOT NULL UNIQUE,
    password_hash   VARCHAR(255) NOT NULL,
    expires_at      BIGINT,
    max_connections INTEGER      NOT NULL,
    created_at      BIGINT       NOT NULL
);

CREATE INDEX output_user_proxy ON output_user (proxy_id);
