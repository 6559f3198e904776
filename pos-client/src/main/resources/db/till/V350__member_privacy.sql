-- Issue 4, member identity and privacy (350-399).

-- Each member's own data key (base64 AES-256), beside the log and never in it: erasing a member deletes the
-- row (secure_delete overwrites it) and what the ledger keeps of the person can no longer be read.
-- `handed_over` is 1 once the server holds the key too. Not a projection: a rebuild does not empty it.
CREATE TABLE member_keys (
    member_id    TEXT    PRIMARY KEY,
    key_material TEXT    NOT NULL,
    handed_over  INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX member_keys_to_hand_over ON member_keys (handed_over);

-- Secrets the server handed this till: 'member.lookup' keys the phone hash.
CREATE TABLE till_secrets (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- The members projection now keeps phone, name and birthday sealed (as the events carry them) and finds a
-- phone by its keyed hash; an erased member keeps neither.
ALTER TABLE members ADD COLUMN phone_hash TEXT;
ALTER TABLE members ADD COLUMN erased INTEGER NOT NULL DEFAULT 0;
DROP INDEX members_phone;
CREATE INDEX members_phone_hash ON members (phone_hash);
