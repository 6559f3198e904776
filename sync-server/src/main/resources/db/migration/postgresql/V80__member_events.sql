-- Which events are about which member, written at ingest by the member feature (MemberMentions): a member's
-- history and export read their events through it, in time independent of the log's size, instead of
-- searching every event's text for the member's id. Filled here from the log for events stored before.
CREATE TABLE member_events (
    member_id TEXT NOT NULL,
    event_id  TEXT NOT NULL,
    type      TEXT NOT NULL,
    PRIMARY KEY (member_id, event_id)
);

INSERT INTO member_events (member_id, event_id, type)
SELECT body::jsonb -> 'payload' ->> 'memberId', event_id, type FROM events
WHERE type IN ('MemberRegistered', 'MemberProfileChanged', 'MembersMerged', 'MemberErased', 'SaleCompleted',
               'PointsChanged', 'StoredValueChanged', 'MemberTierChanged', 'StoredValueToppedUp', 'TopUpRefunded',
               'RewardRedeemed')
  AND body::jsonb -> 'payload' ->> 'memberId' IS NOT NULL
ON CONFLICT DO NOTHING;

INSERT INTO member_events (member_id, event_id, type)
SELECT body::jsonb -> 'payload' ->> 'mergedId', event_id, type FROM events
WHERE type = 'MembersMerged' AND body::jsonb -> 'payload' ->> 'mergedId' IS NOT NULL
ON CONFLICT DO NOTHING;
