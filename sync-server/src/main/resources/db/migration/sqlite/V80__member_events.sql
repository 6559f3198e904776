-- Which events are about which member, written at ingest by the member feature (MemberMentions): a member's
-- history and export read their events through it, in time independent of the log's size, instead of
-- searching every event's text for the member's id. Filled here from the log for events stored before.
CREATE TABLE member_events (
    member_id TEXT NOT NULL,
    event_id  TEXT NOT NULL,
    type      TEXT NOT NULL,
    PRIMARY KEY (member_id, event_id)
);

INSERT OR IGNORE INTO member_events (member_id, event_id, type)
SELECT json_extract(body, '$.payload.memberId'), event_id, type FROM events
WHERE type IN ('MemberRegistered', 'MemberProfileChanged', 'MembersMerged', 'MemberErased', 'SaleCompleted',
               'PointsChanged', 'StoredValueChanged', 'MemberTierChanged', 'StoredValueToppedUp', 'TopUpRefunded',
               'RewardRedeemed')
  AND json_extract(body, '$.payload.memberId') IS NOT NULL;

INSERT OR IGNORE INTO member_events (member_id, event_id, type)
SELECT json_extract(body, '$.payload.mergedId'), event_id, type FROM events
WHERE type = 'MembersMerged' AND json_extract(body, '$.payload.mergedId') IS NOT NULL;
