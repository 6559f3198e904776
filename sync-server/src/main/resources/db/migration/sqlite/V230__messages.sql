-- Messages to members (issue 18). Not projections of the log: head office's own working tables, kept beside it.

-- A message's wording in both languages; {placeholders} are checked against the known names when saved.
CREATE TABLE message_templates (
    template_id  TEXT    NOT NULL PRIMARY KEY,
    kind         TEXT    NOT NULL,
    name         TEXT    NOT NULL,
    body_zh      TEXT    NOT NULL,
    body_en      TEXT    NOT NULL,
    updated_by   TEXT    NOT NULL,
    updated_ms   INTEGER NOT NULL
);

-- The outbox: one row per message, written when it is queued and moved by the sender. The message id is the
-- idempotency key the provider sees on every attempt. The body is the rendered text (personal data): it is
-- blanked when the member is erased. due_ms is when the sender may next try it (quiet hours, backoff, a lease
-- while one sender has it in hand).
CREATE TABLE message_outbox (
    message_id   TEXT    NOT NULL PRIMARY KEY,
    member_id    TEXT    NOT NULL,
    kind         TEXT    NOT NULL,
    campaign_id  TEXT,
    lang         TEXT    NOT NULL,
    body         TEXT,
    status       TEXT    NOT NULL, -- QUEUED, SENT, FAILED, DROPPED
    reason       TEXT,
    attempts     INTEGER NOT NULL,
    queued_ms    INTEGER NOT NULL,
    due_ms       INTEGER NOT NULL,
    sent_ms      INTEGER
);
CREATE INDEX message_outbox_due ON message_outbox (status, due_ms);
CREATE INDEX message_outbox_by_member ON message_outbox (member_id, queued_ms);
CREATE INDEX message_outbox_by_campaign ON message_outbox (campaign_id);

-- Each opt-out (退订) as it was taken; the consent itself travels to the tills as a profile change.
CREATE TABLE message_opt_outs (
    member_id    TEXT    NOT NULL,
    at_ms        INTEGER NOT NULL,
    source       TEXT    NOT NULL,
    PRIMARY KEY (member_id, at_ms)
);

-- A campaign head office wrote: its template, its target (as the form gave it), its hold-out share.
CREATE TABLE message_campaigns (
    campaign_id  TEXT    NOT NULL PRIMARY KEY,
    name         TEXT    NOT NULL,
    template_id  TEXT    NOT NULL,
    target       TEXT    NOT NULL,
    holdout_pct  INTEGER NOT NULL,
    coupon_batch TEXT,
    created_by   TEXT    NOT NULL,
    created_ms   INTEGER NOT NULL,
    sent_ms      INTEGER
);

-- Who a campaign chose, and which of them were held out at random (sent nothing, measured all the same).
CREATE TABLE message_campaign_members (
    campaign_id  TEXT    NOT NULL,
    member_id    TEXT    NOT NULL,
    held_out     INTEGER NOT NULL,
    PRIMARY KEY (campaign_id, member_id)
);
