-- Each source's channels counted per group, written by the channel replace beside the rows (#19). The channel list's
-- group menu and a group's count read these few rows instead of every channel. The channel table keeps its index on
-- (source_id, group_title) here (SQLite drops it: it rebuilt it after every load).
CREATE TABLE channel_group (
    source_id   VARCHAR(36)  NOT NULL REFERENCES stream_source (id) ON DELETE CASCADE,
    group_title VARCHAR(512) NOT NULL,
    channels    BIGINT       NOT NULL,
    PRIMARY KEY (source_id, group_title)
);
INSERT INTO channel_group (source_id, group_title, channels)
SELECT source_id, group_title, COUNT(*) FROM channel WHERE group_title IS NOT NULL GROUP BY source_id, group_title;
