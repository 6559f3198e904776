-- The head of this till's event chain per epoch (docs/protocol.md, "Event chain"): the last tillSeq appended and the
-- hash of that event, which the next event carries as its prevHash. Written in the transaction that appends, so the
-- next append needs no look back into the log; kept apart from ledger_events, so a row deleted there still leaves
-- the head (and the next event) pointing at it.
CREATE TABLE ledger_chain (
    till_epoch INTEGER PRIMARY KEY,
    till_seq   INTEGER NOT NULL,
    hash       TEXT    NOT NULL
) WITHOUT ROWID;
