-- How far each till's ledger goes in each epoch, as the till says with every push (docs/protocol.md, push "held"):
-- the last tillSeq it holds and the count of receipts it gave (sales and top-ups share one count), beside the
-- highest receipt count this server received from it. What lies between is what the server has not received, by
-- number, even when the till is never heard from again (a dead PC). Kept by the sync feature as it answers pushes.
CREATE TABLE till_held (
    till_id          TEXT NOT NULL,
    till_epoch       INTEGER NOT NULL,
    held_through     INTEGER  NOT NULL,
    last_receipt     INTEGER,
    received_receipt INTEGER,
    reported_ms      INTEGER  NOT NULL,
    PRIMARY KEY (till_id, till_epoch)
);
