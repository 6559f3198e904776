-- Customer care (issue 18): each feedback or complaint as its events left it. A member's words stay sealed with the
-- member's key (sealed_text) and are dropped here when the member is erased; a non-member's are text.
CREATE TABLE care_feedback (
    feedback_id  TEXT    NOT NULL PRIMARY KEY,
    store_id     TEXT    NOT NULL,
    member_id    TEXT,
    category     TEXT    NOT NULL,
    text         TEXT,
    sealed_text  TEXT,
    recorded_by  TEXT    NOT NULL,
    channel      TEXT    NOT NULL,
    recorded_ms  INTEGER  NOT NULL,
    status       TEXT    NOT NULL,
    handler      TEXT,
    updated_ms   INTEGER  NOT NULL,
    closed_ms    INTEGER
);
CREATE INDEX care_feedback_by_store ON care_feedback (store_id, recorded_ms);
CREATE INDEX care_feedback_by_member ON care_feedback (member_id);

-- Every change made to a feedback, in the order the log holds them: status, handler and the note, if any.
CREATE TABLE care_feedback_updates (
    event_id     TEXT    NOT NULL PRIMARY KEY,
    feedback_id  TEXT    NOT NULL,
    at_ms        INTEGER  NOT NULL,
    updated_by   TEXT    NOT NULL,
    status       TEXT    NOT NULL,
    handler      TEXT,
    note         TEXT,
    sealed_note  TEXT
);
CREATE INDEX care_feedback_updates_by_feedback ON care_feedback_updates (feedback_id, at_ms);
