-- Issue 17: the members whose data key this till does not hold yet (registered at another till, the key not fetched),
-- so each sync round asks the server for those alone instead of walking every member of the chain for a missing key
-- (3,000,000 index probes a round at chain scale). A member leaves it when its key is kept or it is erased.
CREATE TABLE member_keys_wanted (
    member_id BLOB PRIMARY KEY
) WITHOUT ROWID;

INSERT INTO member_keys_wanted (member_id)
SELECT m.member_id FROM members m
WHERE m.erased = 0 AND NOT EXISTS (SELECT 1 FROM member_keys k WHERE k.member_id = m.member_id);
