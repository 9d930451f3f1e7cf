-- Leases for more than provider connections (#16): an output user's streams and an HDHomeRun device's tuners are
-- limited across instances as a source's connections are. The key names what is limited (a source's id as before,
-- "user:<id>", "tuner:<proxy id>"); detail is what the connection serves, for the other instances to show (a tuner's
-- channel and player).
ALTER TABLE connection_lease RENAME COLUMN source_id TO lease_key;
ALTER TABLE connection_lease ALTER COLUMN lease_key TYPE VARCHAR(100);
ALTER TABLE connection_lease ADD COLUMN detail VARCHAR(255);
