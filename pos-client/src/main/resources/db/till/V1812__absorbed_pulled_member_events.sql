-- Pulled registrations and profile changes stored before V1810: the members table holds what they wrote (V1811
-- copied it), so their envelopes and their member-index rows go, and their ids are kept as absorbed.
INSERT OR IGNORE INTO remote_absorbed (event_id)
SELECT unhex(replace(event_id, '-', '')) FROM remote_events WHERE type IN ('MemberRegistered', 'MemberProfileChanged');

-- The hybrid clock resumes past them at the next start though their envelopes are gone (LedgerFile).
INSERT INTO till_state (name, value)
SELECT 'hlc.absorbed', MAX(hlc) FROM remote_events WHERE type IN ('MemberRegistered', 'MemberProfileChanged') HAVING COUNT(*) > 0
ON CONFLICT (name) DO UPDATE SET value = MAX(value, excluded.value);

DELETE FROM member_events WHERE event_id IN
    (SELECT event_id FROM remote_events WHERE type IN ('MemberRegistered', 'MemberProfileChanged'));

DELETE FROM remote_events WHERE type IN ('MemberRegistered', 'MemberProfileChanged');
