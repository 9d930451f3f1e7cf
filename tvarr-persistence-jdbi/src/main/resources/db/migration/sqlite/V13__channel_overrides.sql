-- Per-proxy channel overrides, kept by proxy and channel id. No foreign key to channel: a refresh replaces every
-- channel row, and an override must outlive its channel (it is then listed as orphaned, never deleted for that).
CREATE TABLE channel_override (
    proxy_id    VARCHAR(36)  NOT NULL REFERENCES stream_proxy (id) ON DELETE CASCADE,
    channel_id  VARCHAR(36)  NOT NULL,
    name        VARCHAR(512),
    number      INTEGER,
    group_title VARCHAR(512),
    logo_url    TEXT,
    tvg_id      VARCHAR(512),
    hidden      BOOLEAN      NOT NULL,
    updated_at  BIGINT       NOT NULL,
    PRIMARY KEY (proxy_id, channel_id)
);
