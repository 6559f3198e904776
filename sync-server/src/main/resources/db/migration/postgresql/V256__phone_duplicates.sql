-- Phones that two or more unmerged members hold, noted by the projector in the transaction that merged the second
-- registration: head office owes each such pair an explicit MembersMerged, published once the note has committed
-- (DuplicatePhones), so neither a push waits for it nor a server stopped in between loses it. noted_by is the event
-- that noted the phone last: a note made again while one is being published stays for the next round. A node claims a
-- note for claimed_until_ms before publishing, so two nodes do not both publish it; a note made again while claimed
-- stays claimed until its claimant releases it, having published what it read; a node stopped with a claim leaves the
-- note to whichever node claims it after that time.
CREATE TABLE phone_duplicates (
    phone_hash TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    noted_by   TEXT NOT NULL,
    claimed_until_ms BIGINT NOT NULL DEFAULT 0
);

-- Pairs a server stopped before merging (the merge was published after the push, outside its transaction); the ones
-- merged since are cleared at the first round, finding one survivor.
INSERT INTO phone_duplicates (phone_hash, noted_by)
SELECT f.value, MAX(f.event_id)
FROM member_fields f LEFT JOIN member_aliases a ON a.merged_id = f.member_id
WHERE f.field = 'phoneHash'
GROUP BY f.value
HAVING COUNT(DISTINCT COALESCE(a.survivor_id, f.member_id)) > 1;
