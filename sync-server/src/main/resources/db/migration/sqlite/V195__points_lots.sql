-- Each member's points as lots by the day they were earned, first in first out (JdbcPointsLotsProjection), kept
-- at ingest so the expiry warning and the liabilities' points expiring in 30/60/90 days read the lots old enough
-- to expire instead of folding every member's points history. Rows are the survivor's of a merge; a member whose
-- spending went beyond its lots (two offline tills) has its overdraft beside them. A server upgraded from a
-- version without these tables fills them once at start from the points already merged.
CREATE TABLE points_lots (
    member_id  TEXT   NOT NULL,
    earned_day TEXT   NOT NULL, -- yyyy-mm-dd in the loyalty zone
    remaining  BIGINT NOT NULL,
    PRIMARY KEY (member_id, earned_day)
);
CREATE INDEX points_lots_by_day ON points_lots (earned_day, member_id);

CREATE TABLE points_overdrafts (
    member_id TEXT   NOT NULL PRIMARY KEY,
    overdraft BIGINT NOT NULL
);
