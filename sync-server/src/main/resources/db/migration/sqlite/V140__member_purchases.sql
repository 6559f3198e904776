-- Which products each member bought, where and on which of the store's local days (JdbcMemberPurchasesProjection):
-- head office's "members who buy X also buy Y" counts members, not lines, so one row per member, product, store
-- and day is all it needs. A member merged into another has its rows moved to the survivor, followed in event
-- order (member_purchase_owners), so a person counts once. Refunds do not take a purchase back.
CREATE TABLE member_purchases (
    member_id TEXT    NOT NULL,
    sku       TEXT    NOT NULL,
    store_id  TEXT    NOT NULL,
    day       INTEGER NOT NULL,
    sales     INTEGER NOT NULL,
    PRIMARY KEY (member_id, sku, store_id, day)
);
CREATE INDEX member_purchases_by_sku ON member_purchases (sku, day, member_id);
CREATE INDEX member_purchases_by_day ON member_purchases (day, member_id);

-- Whose purchases a member id's now are: the survivor it was merged into (absent: its own).
CREATE TABLE member_purchase_owners (
    member_id TEXT NOT NULL PRIMARY KEY,
    owner_id  TEXT NOT NULL
);
CREATE INDEX member_purchase_owners_by_owner ON member_purchase_owners (owner_id);

-- Each member sale once, whatever event carried it.
CREATE TABLE member_purchase_sales (
    sale_id TEXT NOT NULL PRIMARY KEY
);
