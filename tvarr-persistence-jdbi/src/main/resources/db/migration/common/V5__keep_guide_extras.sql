-- Provider elements outside the XMLTV DTD are left out of published guides unless a proxy keeps them.
ALTER TABLE stream_proxy ADD COLUMN keep_guide_extras BOOLEAN NOT NULL DEFAULT FALSE;
