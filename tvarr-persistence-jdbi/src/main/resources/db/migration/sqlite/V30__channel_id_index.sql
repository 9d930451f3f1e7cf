-- The channel id becomes a unique index instead of the table's primary key (#19). A primary key's index cannot be
-- dropped, and growing it one random UUID at a time was a third of SQLite's work storing a 100k-channel playlist;
-- a unique index can be set aside for a bulk load into the empty table and built once from the loaded rows
-- (JdbiChannelRepository's SourceRows). Ids, columns and rows stay as they were; only SQLite changes.
CREATE TABLE channel_v30 (
    id           VARCHAR(36)  NOT NULL,
    source_id    VARCHAR(36)  NOT NULL REFERENCES stream_source (id) ON DELETE CASCADE,
    position     INTEGER      NOT NULL,
    external_key TEXT         NOT NULL,
    tvg_id       VARCHAR(512),
    tvg_name     VARCHAR(512),
    tvg_chno     VARCHAR(32),
    name         VARCHAR(512) NOT NULL,
    group_title  VARCHAR(512),
    logo_url     TEXT  ,
    stream_url   TEXT         NOT NULL,
    attributes   TEXT         NOT NULL
);
INSERT INTO channel_v30 (id, source_id, position, external_key, tvg_id, tvg_name, tvg_chno, name, group_title,
                         logo_url, stream_url, attributes)
SELECT id, source_id, position, external_key, tvg_id, tvg_name, tvg_chno, name, group_title, logo_url, stream_url,
       attributes
FROM channel ORDER BY source_id, position;
DROP TABLE channel;
ALTER TABLE channel_v30 RENAME TO channel;
CREATE UNIQUE INDEX channel_id ON channel (id);
CREATE INDEX channel_by_source ON channel (source_id, position);
CREATE INDEX channel_by_group ON channel (source_id, group_title);
