-- Every proxy is also an HDHomeRun tuner device unless switched off, existing ones included: the device answers
-- only under /hdhr/{proxy}/ (and the bare paths for the default one), so nothing changes for M3U players.
ALTER TABLE stream_proxy ADD COLUMN hdhomerun BOOLEAN NOT NULL DEFAULT TRUE;
