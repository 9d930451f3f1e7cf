-- Leases for more than provider connections (#16): an output user's streams and an HDHomeRun device's tuners are
-- limited across instances as a source's connections are. The key names what is limited (a source's id as before,
-- "user:<id>", "tuner:<proxy id>"); detail is what the connection serves, for the other instances to show (a tuner's
-- channel and player).
ALTER TABLE connection_lease CHANGE source_id lease_key VARCHAR(100) NOT NULL, ADD COLUMN detail VARCHAR(255) NULL;
