-- Which events (this till's own and pulled ones) are about which member, written with each event by
-- MemberEventIndexProjection: the member's history on this till reads its events through it, in time independent of
-- the ledger's size, instead of searching every envelope for the member's id. Filled here for events before.
CREATE TABLE member_events (
    member_id TEXT NOT NULL,
    event_id  TEXT NOT NULL,
    type      TEXT NOT NULL,
    PRIMARY KEY (member_id, event_id)
) WITHOUT ROWID;

INSERT OR IGNORE INTO member_events (member_id, event_id, type)
SELECT json_extract(envelope, '$.payload.memberId'), event_id, type FROM ledger_events
WHERE type IN ('MemberRegistered', 'MemberProfileChanged', 'MembersMerged', 'MemberErased', 'SaleCompleted',
               'PointsChanged', 'StoredValueChanged', 'MemberTierChanged', 'StoredValueToppedUp', 'TopUpRefunded',
               'RewardRedeemed')
  AND json_extract(envelope, '$.payload.memberId') IS NOT NULL;

INSERT OR IGNORE INTO member_events (member_id, event_id, type)
SELECT json_extract(envelope, '$.payload.memberId'), event_id, type FROM remote_events
WHERE type IN ('MemberRegistered', 'MemberProfileChanged', 'MembersMerged', 'MemberErased', 'SaleCompleted',
               'PointsChanged', 'StoredValueChanged', 'MemberTierChanged', 'StoredValueToppedUp', 'TopUpRefunded',
               'RewardRedeemed')
  AND json_extract(envelope, '$.payload.memberId') IS NOT NULL;

INSERT OR IGNORE INTO member_events (member_id, event_id, type)
SELECT json_extract(envelope, '$.payload.mergedId'), event_id, type FROM ledger_events
WHERE type = 'MembersMerged' AND json_extract(envelope, '$.payload.mergedId') IS NOT NULL;

INSERT OR IGNORE INTO member_events (member_id, event_id, type)
SELECT json_extract(envelope, '$.payload.mergedId'), event_id, type FROM remote_events
WHERE type = 'MembersMerged' AND json_extract(envelope, '$.payload.mergedId') IS NOT NULL;
