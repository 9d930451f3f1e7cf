-- The Xtream door of every proxy serves the movies and series its Xtream sources ingested unless switched off,
-- existing proxies included: a source ingests VOD only when asked to, so nothing appears that was not wanted.
ALTER TABLE stream_proxy ADD COLUMN xtream_vod BOOLEAN NOT NULL DEFAULT TRUE;
