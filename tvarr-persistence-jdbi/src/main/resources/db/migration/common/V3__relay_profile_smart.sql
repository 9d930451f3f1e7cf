-- A smart profile copies what players take as-is and transcodes only the rest (decided by ffprobe).
ALTER TABLE relay_profile ADD COLUMN smart BOOLEAN NOT NULL DEFAULT FALSE;
