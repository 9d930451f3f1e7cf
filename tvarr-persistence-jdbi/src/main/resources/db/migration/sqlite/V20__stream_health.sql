-- Periodic stream checks (#15). A source without a settings row has its checks off, which is what every source made
-- before this migration keeps. Results name channels by id without a foreign key to channel: a provider refresh
-- replaces channel rows, and the last check must outlive that (ids are stable across refreshes); deleting the
-- source deletes both.
CREATE TABLE stream_health_settings (
    source_id          VARCHAR(36)  NOT NULL PRIMARY KEY REFERENCES stream_source (id) ON DELETE CASCADE,
    enabled            BOOLEAN      NOT NULL,
    schedule           VARCHAR(128) NOT NULL,
    max_checks_per_run INTEGER      NOT NULL
);

CREATE TABLE stream_health (
    channel_id   VARCHAR(36)  NOT NULL PRIMARY KEY,
    source_id    VARCHAR(36)  NOT NULL REFERENCES stream_source (id) ON DELETE CASCADE,
    channel_name VARCHAR(512) NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    reason       VARCHAR(512),
    video_codec  VARCHAR(32),
    audio_codec  VARCHAR(32),
    checked_at   BIGINT       NOT NULL
);
CREATE INDEX stream_health_by_source ON stream_health (source_id, checked_at);
