-- Channels a user adds by hand to one proxy, deleted with it. The id is made when the channel is added and kept
-- through every edit; sort_order keeps the user's order (they follow the sources' channels in the output).
CREATE TABLE manual_channel (
    id               VARCHAR(36)  NOT NULL PRIMARY KEY,
    proxy_id         VARCHAR(36)  NOT NULL REFERENCES stream_proxy (id) ON DELETE CASCADE,
    name             VARCHAR(512) NOT NULL,
    stream_url       TEXT         NOT NULL,
    tvg_id           VARCHAR(512),
    logo_url         TEXT,
    group_title      VARCHAR(512),
    number           INTEGER,
    guide_channel_id VARCHAR(512),
    sort_order       INTEGER      NOT NULL,
    updated_at       BIGINT       NOT NULL
);
CREATE INDEX manual_channel_proxy ON manual_channel (proxy_id, sort_order);
