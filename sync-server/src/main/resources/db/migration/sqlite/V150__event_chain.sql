-- The head of each till epoch's event chain as this server took it (docs/protocol.md, "Event chain"): the last
-- tillSeq taken, that event's hash, and whether it carried prevHash (after a chained event, an unchained one is a
-- break). Written at ingest under the lock of the epoch's till_marks row.
CREATE TABLE chain_heads (
    till_id    TEXT    NOT NULL,
    till_epoch INTEGER NOT NULL,
    till_seq   INTEGER  NOT NULL,
    hash       TEXT    NOT NULL,
    chained    INTEGER NOT NULL,
    PRIMARY KEY (till_id, till_epoch)
);

-- Each shift a till closed, with the chain's head at the close (its ShiftClosed event): what the printed Z report
-- shows, so a slip can be matched against the server.
CREATE TABLE chain_closes (
    till_id     TEXT    NOT NULL,
    till_epoch  INTEGER NOT NULL,
    till_seq    INTEGER  NOT NULL,
    hash        TEXT    NOT NULL,
    occurred_at TEXT    NOT NULL,
    PRIMARY KEY (till_id, till_epoch, till_seq)
);
