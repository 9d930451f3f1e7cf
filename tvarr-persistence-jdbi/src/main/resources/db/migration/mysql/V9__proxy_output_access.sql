-- Who may read each proxy's outputs. A proxy without a row has the default access (LAN, the private ranges),
-- which is also what every proxy made before this migration keeps. allowed_ranges is comma-separated CIDR text;
-- token is set only in token mode.
CREATE TABLE proxy_output_access (
    proxy_id       VARCHAR(36)  NOT NULL PRIMARY KEY,
    mode           VARCHAR(8)   NOT NULL,
    allowed_ranges TEXT         NOT NULL,
    token          VARCHAR(128) UNIQUE,
    CONSTRAINT proxy_output_access_proxy FOREIGN KEY (proxy_id) REFERENCES stream_proxy (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
