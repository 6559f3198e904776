-- Server sequences are taken from this one row as the last step of an ingest transaction, whose lock is
-- held to commit: sequences are handed out in commit order on every database (see JdbcIngest), and a pull
-- that has read up to last_seq can never miss a smaller one committing later.
CREATE TABLE log_head (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    last_seq INTEGER NOT NULL
);
INSERT INTO log_head (id, last_seq) SELECT 1, COALESCE(MAX(server_seq), 0) FROM events;
