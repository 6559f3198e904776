-- Issue 17, a till holds the whole chain's members in a few hundred bytes each (1810-1819).
-- The old rows (4.7 KB a member: a WITHOUT ROWID table whose rows, with ~1 KB of JSON stamps beside base64 text,
-- spilled into overflow pages) are kept aside under another name until V1811 has copied them in the compact form.
DROP INDEX members_phone_hash;
DROP INDEX members_card;
ALTER TABLE members RENAME TO members_before_1810;
DROP INDEX member_keys_to_hand_over;
ALTER TABLE member_keys RENAME TO member_keys_before_1810;

-- One rowid row a member. Ids are their 16 bytes, the phone hash its 32, sealed values the bytes of their text
-- (nonce, ciphertext, tag), the stamps one small blob (MemberColumns); a value that is not in its canonical form is
-- kept as text in the same column, never altered.
CREATE TABLE members (
    member_id         BLOB    NOT NULL,
    card_no           TEXT,
    phone_hash        BLOB,
    phone             BLOB,
    name              BLOB,
    birthday          BLOB,
    gender            TEXT,
    tier_code         TEXT,
    consent_marketing INTEGER NOT NULL DEFAULT 0,
    erased            INTEGER NOT NULL DEFAULT 0,
    registered_store  TEXT,
    registered_ms     INTEGER,
    stamps            BLOB    NOT NULL
);
CREATE UNIQUE INDEX members_id ON members (member_id);
-- An erased member has no phone hash and is not in this index.
CREATE INDEX members_phone_hash ON members (phone_hash) WHERE phone_hash IS NOT NULL;
CREATE INDEX members_card ON members (card_no);

-- Each member's own data key: the member id's 16 bytes, the key as a tag byte (0 as it is, 1 wrapped by the till's
-- key-encryption key) and its bytes. Only keys still to hand over are indexed.
CREATE TABLE member_keys (
    member_id    BLOB    PRIMARY KEY,
    key_material BLOB    NOT NULL,
    handed_over  INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX member_keys_to_hand_over ON member_keys (member_id) WHERE handed_over = 0;

-- Pulled events a projection absorbed whole (a member's registration and profile changes: last-writer-wins folds
-- in the members table), whose envelopes the till does not keep: their ids (16 bytes), so a page pulled again does
-- not apply them twice, for a bounded window (SqliteRemoteEvents). The server holds the log; a snapshot rebuilds.
CREATE TABLE remote_absorbed (
    event_id BLOB PRIMARY KEY
) WITHOUT ROWID;
