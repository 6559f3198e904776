-- Tills, their one-time enrollment codes and device tokens; head-office users and their sessions.
-- Codes and tokens are stored only as SHA-256 hashes, passwords only as Argon2 hashes.

CREATE TABLE tills (
    till_id       TEXT    COLLATE "C" NOT NULL PRIMARY KEY,
    store_id      TEXT    COLLATE "C" NOT NULL,
    current_epoch INTEGER NOT NULL
);

CREATE TABLE enrollment_codes (
    code_hash  TEXT   NOT NULL PRIMARY KEY,
    store_id   TEXT   COLLATE "C" NOT NULL,
    till_id    TEXT   COLLATE "C" NOT NULL,
    created_ms BIGINT NOT NULL,
    expires_ms BIGINT NOT NULL,
    used_ms    BIGINT
);

CREATE TABLE till_tokens (
    token_hash TEXT    NOT NULL PRIMARY KEY,
    till_id    TEXT    COLLATE "C" NOT NULL,
    till_epoch INTEGER NOT NULL,
    store_id   TEXT    COLLATE "C" NOT NULL,
    created_ms BIGINT  NOT NULL,
    revoked_ms BIGINT
);
CREATE INDEX till_tokens_by_till ON till_tokens (till_id);

CREATE TABLE users (
    username      TEXT   NOT NULL PRIMARY KEY,
    role          TEXT   NOT NULL,
    password_hash TEXT   NOT NULL,
    created_ms    BIGINT NOT NULL
);

CREATE TABLE sessions (
    token_hash TEXT   NOT NULL PRIMARY KEY,
    username   TEXT   NOT NULL,
    role       TEXT   NOT NULL,
    created_ms BIGINT NOT NULL,
    expires_ms BIGINT NOT NULL
);
