-- Video on demand of Xtream sources, kept apart from live channels: movies, series and their episodes, each keyed
-- by the panel's own id within its source. panel_json is the panel's element as sent, so the Xtream door answers
-- with the fields and value types the panel gave.
CREATE TABLE vod_movie (
    source_id     VARCHAR(36)  NOT NULL REFERENCES stream_source (id) ON DELETE CASCADE,
    provider_id   VARCHAR(64)  NOT NULL,
    position      INTEGER      NOT NULL,
    name          VARCHAR(512) NOT NULL,
    category      VARCHAR(512),
    icon_url      TEXT,
    container     VARCHAR(16),
    panel_json    TEXT NOT NULL,
    PRIMARY KEY (source_id, provider_id)
);
CREATE INDEX vod_movie_by_source ON vod_movie (source_id, position);

CREATE TABLE vod_series (
    source_id     VARCHAR(36)  NOT NULL REFERENCES stream_source (id) ON DELETE CASCADE,
    provider_id   VARCHAR(64)  NOT NULL,
    position      INTEGER      NOT NULL,
    name          VARCHAR(512) NOT NULL,
    category      VARCHAR(512),
    cover_url     TEXT,
    panel_json    TEXT NOT NULL,
    PRIMARY KEY (source_id, provider_id)
);
CREATE INDEX vod_series_by_source ON vod_series (source_id, position);

CREATE TABLE vod_episode (
    source_id     VARCHAR(36)  NOT NULL REFERENCES stream_source (id) ON DELETE CASCADE,
    provider_id   VARCHAR(64)  NOT NULL,
    series_id     VARCHAR(64)  NOT NULL,
    position      INTEGER      NOT NULL,
    season        INTEGER      NOT NULL,
    episode       INTEGER,
    title         VARCHAR(512) NOT NULL,
    container     VARCHAR(16),
    panel_json    TEXT NOT NULL,
    PRIMARY KEY (source_id, provider_id)
);
CREATE INDEX vod_episode_by_series ON vod_episode (source_id, series_id, season, episode);

-- Movies (include_vod) and series (include_series) are asked for separately: a panel's series cost one request each.
ALTER TABLE stream_source ADD COLUMN include_series BOOLEAN NOT NULL DEFAULT FALSE;
