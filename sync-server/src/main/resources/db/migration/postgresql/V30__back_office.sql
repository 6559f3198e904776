-- Head office's back office: the roles hq-admin, hq-analyst and store-manager (an account of the old single
-- head-office role becomes hq-admin), a store manager's store, disabled accounts, sessions of the web pages
-- with their idle clock and CSRF token, the sign-in lockout, forms already acted on, and the audit log.

UPDATE users SET role = 'HQ_ADMIN' WHERE role = 'HQ';
UPDATE sessions SET role = 'HQ_ADMIN' WHERE role = 'HQ';
ALTER TABLE users ADD COLUMN store_id TEXT COLLATE "C";
ALTER TABLE users ADD COLUMN disabled_ms BIGINT;

-- A browser's session: the cookie's token only as a SHA-256 hash; seen_ms moves with activity (idle timeout).
CREATE TABLE web_sessions (
    token_hash TEXT   NOT NULL PRIMARY KEY,
    username   TEXT   NOT NULL,
    csrf_token TEXT   NOT NULL,
    created_ms BIGINT NOT NULL,
    seen_ms    BIGINT NOT NULL
);
CREATE INDEX web_sessions_by_user ON web_sessions (username);

-- Wrong passwords per typed username (known or not, so the answers do not tell which names exist).
CREATE TABLE sign_in_failures (
    username        TEXT    NOT NULL PRIMARY KEY,
    failures        INTEGER NOT NULL,
    last_failure_ms BIGINT  NOT NULL,
    retry_after_ms  BIGINT  NOT NULL,
    locked_until_ms BIGINT
);

-- One-time form tokens already used: a form sent twice acts once.
CREATE TABLE used_form_tokens (
    token   TEXT   NOT NULL PRIMARY KEY,
    used_ms BIGINT NOT NULL
);
CREATE INDEX used_form_tokens_by_time ON used_form_tokens (used_ms);

-- Who did what from head office, and when: sign-ins, locks, users changed, what was published or erased.
CREATE TABLE audit_log (
    id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at_ms    BIGINT NOT NULL,
    actor    TEXT   COLLATE "C" NOT NULL,
    action   TEXT   COLLATE "C" NOT NULL,
    target   TEXT   NOT NULL,
    store_id TEXT   COLLATE "C",
    detail   TEXT   NOT NULL
);
CREATE INDEX audit_log_by_actor ON audit_log (actor, id);
CREATE INDEX audit_log_by_action ON audit_log (action, id);
