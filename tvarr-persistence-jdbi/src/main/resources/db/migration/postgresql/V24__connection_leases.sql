-- Provider connection limits across instances (#16). Before an instance opens a connection to a source with a
-- limit it claims one of the source's slots (0 to the limit minus one) here; its heartbeat renews every lease it
-- holds, and a lease whose expires_at passed belonged to an instance that stopped: another may take the slot over.
-- The primary key is what lets one claim win when instances race for a slot. No foreign key to stream_source: a claim
-- must not wait on an ingestion holding the source's row, and a deleted source's leases end with their connections.
CREATE TABLE connection_lease (
    source_id  VARCHAR(36) NOT NULL,
    slot       INTEGER     NOT NULL,
    instance   VARCHAR(64) NOT NULL,
    holder     VARCHAR(64) NOT NULL,
    expires_at BIGINT      NOT NULL,
    PRIMARY KEY (source_id, slot)
);
CREATE INDEX connection_lease_by_instance ON connection_lease (instance);
