-- Logo URLs whose last download failed (#14), shown on the logos page and counted on the dashboard. One row per URL,
-- keyed by its SHA-256 because URLs are too long to index; the row goes when a later download succeeds.
CREATE TABLE logo_failure (
    url_hash        VARCHAR(64) NOT NULL PRIMARY KEY,
    url             TEXT NOT NULL,
    reason          TEXT NOT NULL,
    failures        INTEGER     NOT NULL,
    first_failed_at BIGINT      NOT NULL,
    last_failed_at  BIGINT      NOT NULL
);
CREATE INDEX logo_failure_by_time ON logo_failure (last_failed_at);
