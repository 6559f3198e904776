-- Each store's points and stored-value movements per UTC day, summed as the liabilities page sums them: the chain's
-- page read every movement of the chain for its period and the one before (about 300,000 rows at 10,000,000 events);
-- it now reads whole days here and only the period's two partial days from liability_deltas. Written by the liability
-- projection with the deltas; filled here from the deltas already kept.
CREATE TABLE liability_store_days (
    store_id       TEXT   NOT NULL,
    day            INTEGER NOT NULL, -- occurred_ms / 86,400,000
    points_earned  INTEGER NOT NULL,
    points_spent   INTEGER NOT NULL,
    points_expired INTEGER NOT NULL,
    paid_in        INTEGER NOT NULL,
    paid_out       INTEGER NOT NULL,
    bonus_in       INTEGER NOT NULL,
    bonus_out      INTEGER NOT NULL,
    PRIMARY KEY (store_id, day)
);
CREATE INDEX liability_store_days_by_day ON liability_store_days (day, store_id);

INSERT INTO liability_store_days (store_id, day, points_earned, points_spent, points_expired, paid_in, paid_out, bonus_in,
                                  bonus_out)
SELECT store_id, occurred_ms / 86400000,
       SUM(CASE WHEN account = 'POINTS' AND delta > 0 THEN delta ELSE 0 END),
       SUM(CASE WHEN account = 'POINTS' AND delta < 0 AND reason <> 'EXPIRE' THEN -delta ELSE 0 END),
       SUM(CASE WHEN account = 'POINTS' AND reason = 'EXPIRE' THEN -delta ELSE 0 END),
       SUM(CASE WHEN account = 'STORED_VALUE' AND delta - bonus_part > 0 THEN delta - bonus_part ELSE 0 END),
       SUM(CASE WHEN account = 'STORED_VALUE' AND delta - bonus_part < 0 THEN bonus_part - delta ELSE 0 END),
       SUM(CASE WHEN account = 'STORED_VALUE' AND bonus_part > 0 THEN bonus_part ELSE 0 END),
       SUM(CASE WHEN account = 'STORED_VALUE' AND bonus_part < 0 THEN -bonus_part ELSE 0 END)
FROM liability_deltas
GROUP BY store_id, occurred_ms / 86400000;
