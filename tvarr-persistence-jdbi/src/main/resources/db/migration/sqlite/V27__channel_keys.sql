-- The stable identity of an overridden or pinned channel beside its hashed id: the source and the provider's key
-- (channel.external_key) from which ChannelId is derived. A configuration export names the channel by them, also
-- once the channel is gone from its source (orphaned). Filled here for rows whose channel still exists; the others
-- stay NULL and an export skips them with a warning.
ALTER TABLE channel_override ADD COLUMN channel_source_id VARCHAR(36);
ALTER TABLE channel_override ADD COLUMN channel_key TEXT;
ALTER TABLE guide_pin ADD COLUMN channel_source_id VARCHAR(36);
ALTER TABLE guide_pin ADD COLUMN channel_key TEXT;

UPDATE channel_override
SET channel_source_id = (SELECT c.source_id FROM channel c WHERE c.id = channel_override.channel_id),
    channel_key = (SELECT c.external_key FROM channel c WHERE c.id = channel_override.channel_id)
WHERE EXISTS (SELECT 1 FROM channel c WHERE c.id = channel_override.channel_id);

UPDATE guide_pin
SET channel_source_id = (SELECT c.source_id FROM channel c WHERE c.id = guide_pin.channel_id),
    channel_key = (SELECT c.external_key FROM channel c WHERE c.id = guide_pin.channel_id)
WHERE EXISTS (SELECT 1 FROM channel c WHERE c.id = guide_pin.channel_id);

-- The keys of channels that settings name by id only (hand-listed alternates), remembered when a setting names them:
-- filled here for the alternates listed so far whose channel is still there.
CREATE TABLE channel_key (
    channel_id   VARCHAR(36) NOT NULL PRIMARY KEY,
    source_id    VARCHAR(36) NOT NULL,
    external_key TEXT        NOT NULL
);

INSERT INTO channel_key (channel_id, source_id, external_key)
SELECT c.id, c.source_id, c.external_key FROM channel c
WHERE c.id IN (SELECT channel_id FROM proxy_channel_alternate UNION SELECT alternate_id FROM proxy_channel_alternate);
