-- How far each member's points lots are folded: the last points delta (by the time it happened, then its event id)
-- taken into them. A push whose deltas for the member all come after it adds them to the lots as they stand; one
-- that brings an earlier change (a till that was offline) or a merge folds the member's lots again from all its
-- deltas. Before, every push folded every member it touched from the member's whole history.
CREATE TABLE points_lots_folded (
    member_id   TEXT   NOT NULL PRIMARY KEY,
    occurred_ms BIGINT NOT NULL,
    event_id    TEXT   NOT NULL
);
-- A server upgraded with lots already kept: no member has a position yet, so each is folded in full once, at its
-- next change, and from then on in steps.
