-- Issue 13, the till's storage side (1350-1399).

-- Every member sale asks whether the member already had this year's birthday bonus. Through the
-- (member_id, occurred_ms) index that read every points entry of the member's year, one table lookup each:
-- a regular customer's checkout grew slower with each purchase. Only entries with a bonus are indexed here.
CREATE INDEX points_entries_birthday ON points_entries (member_id, occurred_ms) WHERE birthday_bonus > 0;

-- A member's merged ids are looked up by survivor on every balance and loyalty read: without this index
-- each read scanned every merge the chain ever made.
CREATE INDEX member_aliases_survivor ON member_aliases (survivor_id);
