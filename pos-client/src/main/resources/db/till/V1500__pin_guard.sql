-- Wrong PINs typed at this till in a row, and since when PIN entry is locked (null: not locked). Kept in the
-- ledger file so a restart does not give a guesser fresh tries; a manager's PIN unlocks (ManagerApproved PIN_UNLOCK).
CREATE TABLE pin_guard (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    wrong     INTEGER NOT NULL,
    locked_ms INTEGER
);
INSERT INTO pin_guard (id, wrong, locked_ms) VALUES (1, 0, NULL);
