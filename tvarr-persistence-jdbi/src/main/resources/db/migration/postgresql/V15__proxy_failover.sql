-- Failover settings of each proxy (#15). A proxy without a row merges nothing and has no alternates by hand, which
-- is what every proxy made before this migration keeps. Alternates name channels by id without a foreign key: a
-- provider refresh replaces channel rows, and the list must outlive that (ids are stable across refreshes).
CREATE TABLE proxy_failover (
    proxy_id VARCHAR(36) NOT NULL PRIMARY KEY REFERENCES stream_proxy (id) ON DELETE CASCADE,
    merge_by VARCHAR(16) NOT NULL
);

CREATE TABLE proxy_channel_alternate (
    proxy_id        VARCHAR(36) NOT NULL REFERENCES stream_proxy (id) ON DELETE CASCADE,
    channel_id      VARCHAR(36) NOT NULL,
    alternate_order INTEGER     NOT NULL,
    alternate_id    VARCHAR(36) NOT NULL,
    PRIMARY KEY (proxy_id, channel_id, alternate_order)
);
