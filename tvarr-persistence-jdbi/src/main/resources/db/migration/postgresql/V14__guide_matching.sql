-- Guide matching per proxy (#15): pins a person chose (a pin whose channel is gone stays until deleted, so it can
-- be listed as orphaned) and the similarity threshold. A proxy without a settings row uses the default threshold.
CREATE TABLE guide_pin (
    proxy_id         VARCHAR(36)  NOT NULL REFERENCES stream_proxy (id) ON DELETE CASCADE,
    channel_id       VARCHAR(36)  NOT NULL,
    guide_channel_id VARCHAR(200) NOT NULL,
    pinned_at        BIGINT       NOT NULL,
    PRIMARY KEY (proxy_id, channel_id)
);

CREATE TABLE guide_match_settings (
    proxy_id  VARCHAR(36) NOT NULL PRIMARY KEY REFERENCES stream_proxy (id) ON DELETE CASCADE,
    threshold INTEGER     NOT NULL
);
