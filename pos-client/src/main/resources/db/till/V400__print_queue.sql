-- Devices (issue 6). The print queue is device state, not a fact: it is not rebuilt from events, and a
-- rebuild never prints anything again.

-- Receipts and reports on their way to the printer, oldest first. `document` holds the exact ESC/POS bytes
-- rendered when the job was queued, so what prints after paper is replaced is what the cashier saw queued.
CREATE TABLE print_jobs (
    job_id          INTEGER PRIMARY KEY AUTOINCREMENT,
    kind            TEXT    NOT NULL,
    reference       TEXT    NOT NULL,
    source_event_id TEXT    UNIQUE,
    document        BLOB    NOT NULL,
    state           TEXT    NOT NULL CHECK (state IN ('WAITING', 'PRINTED')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_problem    TEXT,
    queued_at       TEXT    NOT NULL,
    printed_at      TEXT
);
CREATE INDEX print_jobs_waiting ON print_jobs (state, job_id);
CREATE INDEX print_jobs_reference ON print_jobs (reference);

-- How far, per epoch, this till's committed events have been turned into print jobs: after a crash between
-- a sale's commit and its queueing, the feed picks up from here.
CREATE TABLE print_feed (
    till_epoch   INTEGER PRIMARY KEY,
    through_seq  INTEGER NOT NULL
);
