-- Messages to members, continued (issue 18): head office's settings, the stored-value watch, the coupon codes
-- given in messages, and the coupon codes used in sales.

-- Head office's settings for messages, by name (the stored-value-low threshold, the birthday coupon promotion).
CREATE TABLE message_settings (
    name         TEXT    NOT NULL PRIMARY KEY,
    value        TEXT    NOT NULL,
    updated_by   TEXT    NOT NULL,
    updated_ms   BIGINT  NOT NULL
);

-- Members (survivor ids) whose stored value a day's run saw at or above the threshold since they were last told:
-- the next run that sees them below it tells them once and takes them off.
CREATE TABLE message_stored_value_watch (
    member_id    TEXT    NOT NULL PRIMARY KEY,
    since_ms     BIGINT  NOT NULL
);

-- Each coupon code given in a message: to whom, for what (a campaign id, or BIRTHDAY and the day), from which
-- promotion. A code is given once: the primary key refuses a second.
CREATE TABLE message_coupon_codes (
    code           TEXT    NOT NULL PRIMARY KEY,
    promotion_code TEXT    NOT NULL,
    member_id      TEXT    NOT NULL,
    given_for      TEXT    NOT NULL,
    given_ms       BIGINT  NOT NULL
);
CREATE UNIQUE INDEX message_coupon_codes_by_purpose ON message_coupon_codes (given_for, member_id);

-- Every coupon code used in a sale (CouponRedeemed, JdbcCouponRedemptionsProjection), as the till typed it, upper case.
CREATE TABLE coupon_redemptions (
    code           TEXT    NOT NULL PRIMARY KEY,
    promotion_code TEXT,
    sale_id        TEXT    NOT NULL,
    event_id       TEXT    NOT NULL
);

-- Filled from the log already stored (the projection keeps it from now on; a rebuild writes it from the log).
INSERT INTO coupon_redemptions (code, promotion_code, sale_id, event_id)
SELECT UPPER(TRIM(body::jsonb -> 'payload' ->> 'code')), body::jsonb -> 'payload' ->> 'promotionCode',
       body::jsonb -> 'payload' ->> 'saleId', event_id
FROM events WHERE type = 'CouponRedeemed'
ON CONFLICT (code) DO NOTHING;
