-- Members found by part of their name without opening every sealed name: each name's pairs of letters, each as a keyed
-- hash (HMAC under a chain secret kept wrapped like the members' keys), pointing at the member. Written behind the log
-- from the names the server opens with the members' keys; an erased member's rows are deleted.
CREATE TABLE member_name_grams (
    gram      TEXT COLLATE "C" NOT NULL,
    member_id TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (gram, member_id)
);
CREATE INDEX member_name_grams_by_member ON member_name_grams (member_id);

-- Members whose name is to be (re)indexed: a registration, a name changed, a key arrived, an erasure.
CREATE TABLE member_names_to_index (
    member_id TEXT COLLATE "C" NOT NULL PRIMARY KEY
);
-- How far the log has been read for them. Members already known are queued here and the log read from its head.
CREATE TABLE member_names_cursor (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    last_seq BIGINT  NOT NULL
);
INSERT INTO member_names_cursor (id, last_seq) SELECT 1, last_seq FROM log_head WHERE id = 1;
INSERT INTO member_names_to_index (member_id) SELECT member_id FROM member_fields WHERE field = 'name';
