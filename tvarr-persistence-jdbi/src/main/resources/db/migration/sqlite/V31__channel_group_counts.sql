-- Each source's channels counted per group, written by the channel replace beside the rows (#19). The channel list's
-- group menu and a group's count read these few rows instead of every channel. On SQLite the channel table's index
-- on (source_id, group_title), which only those queries used, goes: a refresh of the only source rebuilt it from
-- every row after the load, two fifths of the index work of storing a 100k-channel playlist.
CREATE TABLE channel_group (
    source_id   VARCHAR(36)  NOT NULL REFERENCES stream_source (id) ON DELETE CASCADE,
    group_title VARCHAR(512) NOT NULL,
    channels    BIGINT       NOT NULL,
    PRIMARY KEY (source_id, group_title)
);
INSERT INTO channel_group (source_id, group_title, channels)
SELECT source_id, group_title, COUNT(*) FROM channel WHERE group_title IS NOT NULL GROUP BY source_id, group_title;
DROP INDEX channel_by_group;
