-- Cached logos shared by every instance on one database (#16): the bytes of each logo (named sha256.ext, as in
-- data_dir/logos) are stored here, in chunks of at most a MiB, in the same transaction as the file's row, so a row
-- means a whole file. Each instance's data_dir/logos is a cache of this table. SQLite (one instance) keeps its logos
-- on disk only and leaves these tables empty.
CREATE TABLE logo_file (
    file_name VARCHAR(80) NOT NULL PRIMARY KEY,
    size      BIGINT      NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE logo_file_chunk (
    file_name VARCHAR(80) NOT NULL,
    seq       INTEGER     NOT NULL,
    data      MEDIUMBLOB  NOT NULL,
    PRIMARY KEY (file_name, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
