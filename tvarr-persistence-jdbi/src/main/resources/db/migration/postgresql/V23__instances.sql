-- Several instances on one database (#16). The job table is the queue they share: an instance starts a job by
-- claiming its row, and holds it under a lease it renews; a job whose lease ran out belonged to an instance that
-- stopped, and another takes it over. running_target is the target of a running job and NULL otherwise: its unique
-- index lets the database itself refuse a second running job for one target, whichever instances race for it.
-- Jobs stored before this migration have no instance and no lease: a running one counts as cut off, as before.
ALTER TABLE job ADD COLUMN instance VARCHAR(64);
ALTER TABLE job ADD COLUMN lease_until BIGINT;
ALTER TABLE job ADD COLUMN cancel_requested INTEGER NOT NULL DEFAULT 0;
ALTER TABLE job ADD COLUMN running_target VARCHAR(255);
CREATE UNIQUE INDEX job_running_target ON job (running_target);

-- Each scheduled run (kind, target, slot time) is claimed here before its job is queued, so every instance may tick
-- and the slot still runs once. Rows older than the job history are removed with it.
CREATE TABLE job_slot (
    kind       VARCHAR(32)  NOT NULL,
    target     VARCHAR(255) NOT NULL,
    slot       BIGINT       NOT NULL,
    instance   VARCHAR(64)  NOT NULL,
    PRIMARY KEY (kind, target, slot)
);
