-- Head office's member pages: each member's home store, the store that registered it (head office's own
-- registrations, such as the demo's, have the store HQ). A projection of MemberRegistered: a store manager reads
-- the members of their store through it. Filled here from the log for members registered before this version.
CREATE TABLE member_home (
    member_id     TEXT   NOT NULL PRIMARY KEY,
    store_id      TEXT   NOT NULL,
    registered_ms BIGINT NOT NULL
);
CREATE INDEX member_home_by_store ON member_home (store_id, member_id);

INSERT INTO member_home (member_id, store_id, registered_ms)
SELECT DISTINCT ON (body::jsonb -> 'payload' ->> 'memberId') body::jsonb -> 'payload' ->> 'memberId', store_id,
       (EXTRACT(EPOCH FROM occurred_at::timestamptz) * 1000)::bigint
FROM events WHERE type = 'MemberRegistered' AND body::jsonb -> 'payload' ->> 'memberId' IS NOT NULL
ORDER BY body::jsonb -> 'payload' ->> 'memberId', server_seq;
