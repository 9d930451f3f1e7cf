-- Published outputs shared by every instance on one database (#16). A proxy's generation is numbered one above its
-- newest, so numbers only grow per proxy; its files are stored in chunks of at most a MiB (nothing large is held in
-- memory on either side) and the generation counts only once complete = 1, set after its last chunk is in. Older
-- generations are removed once a newer one is complete; deleting the proxy deletes them all.
CREATE TABLE proxy_output (
    proxy_id   VARCHAR(36) NOT NULL REFERENCES stream_proxy (id) ON DELETE CASCADE,
    generation BIGINT      NOT NULL,
    instance   VARCHAR(64) NOT NULL,
    complete   INTEGER     NOT NULL DEFAULT 0,
    PRIMARY KEY (proxy_id, generation)
);

CREATE TABLE proxy_output_chunk (
    proxy_id   VARCHAR(36) NOT NULL,
    generation BIGINT      NOT NULL,
    file       VARCHAR(64) NOT NULL,
    seq        INTEGER     NOT NULL,
    data       BYTEA       NOT NULL,
    PRIMARY KEY (proxy_id, generation, file, seq),
    FOREIGN KEY (proxy_id, generation) REFERENCES proxy_output (proxy_id, generation) ON DELETE CASCADE
);

-- How far a running job is, written by the instance running it at each heartbeat, so every instance can show it.
ALTER TABLE job ADD COLUMN progress VARCHAR(1024);
