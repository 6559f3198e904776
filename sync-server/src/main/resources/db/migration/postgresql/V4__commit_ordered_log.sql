-- Server sequences are taken from this one row as the last step of an ingest transaction, whose row lock is
-- held to commit: sequences are handed out in commit order (see JdbcIngest). A PostgreSQL sequence would
-- hand them out at insert time, and transactions commit in any order: a pull that read past a sequence
-- still in flight would never see it.
CREATE TABLE log_head (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    last_seq BIGINT  NOT NULL
);
INSERT INTO log_head (id, last_seq) VALUES (1, 0);
