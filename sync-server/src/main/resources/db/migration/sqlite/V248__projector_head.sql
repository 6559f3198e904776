-- The projections follow the log instead of being merged in each push's transaction: how far they have merged it,
-- how far findings have been recorded (a rebuild does not find them again), and the events a projection could not
-- merge (skipped, shown to head office, skipped again by a rebuild).
CREATE TABLE projector_head (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    projected_seq  BIGINT  NOT NULL,
    found_through  BIGINT  NOT NULL
);
-- Until now every stored event was merged in the transaction that stored it.
INSERT INTO projector_head (id, projected_seq, found_through) SELECT 1, last_seq, last_seq FROM log_head WHERE id = 1;

CREATE TABLE projection_skips (
    server_seq BIGINT PRIMARY KEY,
    event_id   TEXT   NOT NULL,
    reason     TEXT   NOT NULL
);
