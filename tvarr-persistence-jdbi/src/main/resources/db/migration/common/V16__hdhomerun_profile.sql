-- The relay profile of a proxy's HDHomeRun tuner; NULL (every existing proxy) keeps the built-in choice: a channel
-- last probed as H.264/AAC passed through, any other through the built-in smart H.264/AAC profile.
ALTER TABLE stream_proxy ADD COLUMN hdhomerun_profile_id VARCHAR(36) REFERENCES relay_profile (id);
