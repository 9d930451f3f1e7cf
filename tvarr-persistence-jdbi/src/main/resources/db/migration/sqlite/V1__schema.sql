-- tvarr schema v1. Ids are UUID text, instants are epoch milliseconds, maps and lists are JSON text.

CREATE TABLE stream_source (
    id                     VARCHAR(36)  NOT NULL PRIMARY KEY,
    name                   VARCHAR(255) NOT NULL,
    kind                   VARCHAR(16)  NOT NULL,
    url                    TEXT         NOT NULL,
    username               VARCHAR(255),
    password               VARCHAR(255),
    user_agent             VARCHAR(512),
    enabled                BOOLEAN      NOT NULL,
    schedule               VARCHAR(128),
    max_concurrent_streams INTEGER      NOT NULL,
    xtream_output          VARCHAR(8)   NOT NULL,
    include_vod            BOOLEAN      NOT NULL,
    created_at             BIGINT       NOT NULL,
    updated_at             BIGINT       NOT NULL
);

CREATE TABLE channel (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
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
CREATE INDEX channel_by_source ON channel (source_id, position);
CREATE INDEX channel_by_group ON channel (source_id, group_title);

CREATE TABLE ingestion_status (
    target_id        VARCHAR(36) NOT NULL PRIMARY KEY,
    target_kind      VARCHAR(16) NOT NULL,
    last_success_at  BIGINT,
    last_count       BIGINT,
    last_duration_ms BIGINT,
    last_error       TEXT  ,
    last_error_at    BIGINT,
    details          TEXT  
);

CREATE TABLE epg_source (
    id                   VARCHAR(36)  NOT NULL PRIMARY KEY,
    name                 VARCHAR(255) NOT NULL,
    kind                 VARCHAR(16)  NOT NULL,
    url                  TEXT         NOT NULL,
    username             VARCHAR(255),
    password             VARCHAR(255),
    user_agent           VARCHAR(512),
    enabled              BOOLEAN      NOT NULL,
    schedule             VARCHAR(128),
    time_shift_minutes   INTEGER      NOT NULL,
    zone                 VARCHAR(64)  NOT NULL,
    retention_days_back  INTEGER      NOT NULL,
    retention_days_ahead INTEGER      NOT NULL,
    created_at           BIGINT       NOT NULL,
    updated_at           BIGINT       NOT NULL
);

CREATE TABLE epg_channel (
    source_id     VARCHAR(36)  NOT NULL REFERENCES epg_source (id) ON DELETE CASCADE,
    id            VARCHAR(255) NOT NULL,
    display_names TEXT         NOT NULL,
    icon_url      TEXT  ,
    url           TEXT  ,
    PRIMARY KEY (source_id, id)
);

CREATE TABLE epg_programme (
    source_id        VARCHAR(36)  NOT NULL REFERENCES epg_source (id) ON DELETE CASCADE,
    channel_id       VARCHAR(255) NOT NULL,
    start_at         BIGINT       NOT NULL,
    stop_at          BIGINT       NOT NULL,
    title            TEXT         NOT NULL,
    title_lang       VARCHAR(16),
    sub_title        TEXT  ,
    description      TEXT  ,
    categories       TEXT         NOT NULL,
    icon_url         TEXT  ,
    episode_xmltv_ns VARCHAR(64),
    episode_onscreen VARCHAR(64),
    rating           VARCHAR(64),
    flags            VARCHAR(64)  NOT NULL,
    extra_xml        TEXT  
);
CREATE INDEX programme_by_channel ON epg_programme (source_id, channel_id, start_at);
CREATE INDEX programme_by_channel_any_source ON epg_programme (channel_id, start_at);
CREATE INDEX programme_by_stop ON epg_programme (stop_at);

CREATE TABLE filter (
    id         VARCHAR(36)  NOT NULL PRIMARY KEY,
    name       VARCHAR(255) NOT NULL,
    domain     VARCHAR(32)  NOT NULL,
    action     VARCHAR(16)  NOT NULL,
    expression TEXT         NOT NULL
);

CREATE TABLE mapping_rule (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    name          VARCHAR(255) NOT NULL,
    domain        VARCHAR(32)  NOT NULL,
    expression    TEXT         NOT NULL,
    enabled       BOOLEAN      NOT NULL,
    position      INTEGER      NOT NULL,
    stop_on_match BOOLEAN      NOT NULL
);

CREATE TABLE relay_profile (
    id                 VARCHAR(36)  NOT NULL PRIMARY KEY,
    name               VARCHAR(255) NOT NULL,
    video_codec        VARCHAR(16)  NOT NULL,
    audio_codec        VARCHAR(16)  NOT NULL,
    video_bitrate_kbps INTEGER      NOT NULL,
    audio_bitrate_kbps INTEGER      NOT NULL,
    max_height         INTEGER      NOT NULL,
    hwaccel            VARCHAR(16)  NOT NULL,
    extra_input_args   TEXT         NOT NULL,
    extra_output_args  TEXT         NOT NULL
);

CREATE TABLE stream_proxy (
    id                   VARCHAR(36)  NOT NULL PRIMARY KEY,
    name                 VARCHAR(255) NOT NULL,
    slug                 VARCHAR(63)  NOT NULL UNIQUE,
    numbering_mode       VARCHAR(16)  NOT NULL,
    numbering_start      INTEGER      NOT NULL,
    numbering_block_size INTEGER      NOT NULL,
    delivery_mode        VARCHAR(16)  NOT NULL,
    relay_profile_id     VARCHAR(36)  REFERENCES relay_profile (id),
    include_chno         BOOLEAN      NOT NULL,
    group_title_override VARCHAR(255),
    url_tvg_header       BOOLEAN      NOT NULL,
    cache_logos          BOOLEAN      NOT NULL,
    deduplicate_streams  BOOLEAN      NOT NULL,
    epg_days_back        INTEGER      NOT NULL,
    epg_days_ahead       INTEGER      NOT NULL,
    schedule             VARCHAR(128),
    created_at           BIGINT       NOT NULL,
    updated_at           BIGINT       NOT NULL
);

CREATE TABLE proxy_source (
    proxy_id  VARCHAR(36) NOT NULL REFERENCES stream_proxy (id) ON DELETE CASCADE,
    source_id VARCHAR(36) NOT NULL REFERENCES stream_source (id) ON DELETE CASCADE,
    position  INTEGER     NOT NULL,
    PRIMARY KEY (proxy_id, source_id)
);

CREATE TABLE proxy_epg_source (
    proxy_id      VARCHAR(36) NOT NULL REFERENCES stream_proxy (id) ON DELETE CASCADE,
    epg_source_id VARCHAR(36) NOT NULL REFERENCES epg_source (id) ON DELETE CASCADE,
    position      INTEGER     NOT NULL,
    PRIMARY KEY (proxy_id, epg_source_id)
);

CREATE TABLE proxy_filter (
    proxy_id  VARCHAR(36) NOT NULL REFERENCES stream_proxy (id) ON DELETE CASCADE,
    filter_id VARCHAR(36) NOT NULL REFERENCES filter (id) ON DELETE CASCADE,
    position  INTEGER     NOT NULL,
    active    BOOLEAN     NOT NULL,
    PRIMARY KEY (proxy_id, filter_id)
);

CREATE TABLE proxy_mapping_rule (
    proxy_id        VARCHAR(36) NOT NULL REFERENCES stream_proxy (id) ON DELETE CASCADE,
    mapping_rule_id VARCHAR(36) NOT NULL REFERENCES mapping_rule (id) ON DELETE CASCADE,
    position        INTEGER     NOT NULL,
    PRIMARY KEY (proxy_id, mapping_rule_id)
);

CREATE TABLE last_known_codec (
    channel_id  VARCHAR(36) NOT NULL PRIMARY KEY,
    video_codec VARCHAR(32),
    audio_codec VARCHAR(32),
    width       INTEGER     NOT NULL,
    height      INTEGER     NOT NULL,
    bitrate     BIGINT      NOT NULL,
    probed_at   BIGINT      NOT NULL
);

CREATE TABLE logo_asset (
    sha256            VARCHAR(64)  NOT NULL PRIMARY KEY,
    extension         VARCHAR(8)   NOT NULL,
    content_type      VARCHAR(64)  NOT NULL,
    size              BIGINT       NOT NULL,
    original_url      TEXT  ,
    original_url_hash VARCHAR(64),
    etag              VARCHAR(255),
    last_modified     VARCHAR(64),
    fetched_at        BIGINT       NOT NULL
);
CREATE INDEX logo_by_url ON logo_asset (original_url_hash);

CREATE TABLE job (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    kind        VARCHAR(32)  NOT NULL,
    target      VARCHAR(255) NOT NULL,
    state       VARCHAR(16)  NOT NULL,
    attempts    INTEGER      NOT NULL,
    created_at  BIGINT       NOT NULL,
    started_at  BIGINT,
    finished_at BIGINT,
    error       TEXT  ,
    summary     TEXT         NOT NULL
);
CREATE INDEX job_by_state ON job (state, created_at);
CREATE INDEX job_by_target ON job (target, created_at);
