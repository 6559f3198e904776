-- Head office's member pages: each member's home store, the store that registered it (head office's own
-- registrations, such as the demo's, have the store HQ). A projection of MemberRegistered: a store manager reads
-- the members of their store through it. Filled here from the log for members registered before this version.
CREATE TABLE member_home (
    member_id     TEXT    NOT NULL PRIMARY KEY,
    store_id      TEXT    NOT NULL,
    registered_ms INTEGER NOT NULL
);
CREATE INDEX member_home_by_store ON member_home (store_id, member_id);

INSERT INTO member_home (member_id, store_id, registered_ms)
SELECT member_id, store_id, CAST(ROUND((julianday(occurred_at) - 2440587.5) * 86400000) AS INTEGER)
FROM (SELECT json_extract(body, '$.payload.memberId') AS member_id, store_id, occurred_at, MIN(server_seq)
      FROM events WHERE type = 'MemberRegistered' GROUP BY json_extract(body, '$.payload.memberId'))
WHERE member_id IS NOT NULL;
