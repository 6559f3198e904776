-- Every receipt of a transfer, by the till that made it (TransferProjection): two tills of the receiving store that
-- receive one transfer before either has pulled the other's receipt both record it; the receipt with the later
-- stamp (hlc, till, event id) is undone by its own till once it learns of the earlier one (UndoLaterReceipt), so
-- every till and the server count the goods in once. transfer_receipts_undone: the receipts already undone.
CREATE TABLE transfer_receipts (
    transfer_id TEXT    NOT NULL,
    till_id     TEXT    NOT NULL,
    hlc         INTEGER NOT NULL,
    event_id    TEXT    NOT NULL,
    PRIMARY KEY (transfer_id, till_id)
);

CREATE TABLE transfer_receipt_lines (
    transfer_id TEXT    NOT NULL,
    till_id     TEXT    NOT NULL,
    sku         TEXT    NOT NULL,
    qty_milli   INTEGER NOT NULL,
    PRIMARY KEY (transfer_id, till_id, sku)
);

CREATE TABLE transfer_receipts_undone (
    transfer_no TEXT NOT NULL,
    till_id     TEXT NOT NULL,
    PRIMARY KEY (transfer_no, till_id)
);
