-- A mapping rule may be switched off for one proxy without detaching it (#14), as a filter may (proxy_filter.active).
-- Rules attached before this migration stay on.
ALTER TABLE proxy_mapping_rule ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE;
