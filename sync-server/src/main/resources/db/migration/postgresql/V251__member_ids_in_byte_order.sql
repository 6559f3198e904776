-- Member ids compare byte by byte ("C") in every table, as member_aliases, member_keys, member_fields, the balances and the
-- exceptions already did. PostgreSQL compares two columns of different collations in the collation of the expression, so a
-- join from member_aliases (or anything COALESCEd with it) to a member table of the database's default collation could
-- not use that table's index: the chain's member report read member_home once for every member (minutes at a million
-- members), and every alias lookup read the whole table. Changing a column's collation keeps its rows; its indexes are
-- built again, and its statistics are dropped: the tables are analyzed again at the end, or the planner guesses every
-- member a thousand rows and reads whole tables (a store's member report: 0.5 s instead of 10 ms) until autovacuum
-- happens to analyze them.
ALTER TABLE points_overdrafts ALTER COLUMN member_id TYPE TEXT COLLATE "C";
ALTER TABLE message_outbox ALTER COLUMN member_id TYPE TEXT COLLATE "C";
ALTER TABLE message_opt_outs ALTER COLUMN member_id TYPE TEXT COLLATE "C";
ALTER TABLE message_campaign_members ALTER COLUMN member_id TYPE TEXT COLLATE "C";
ALTER TABLE points_lots_folded ALTER COLUMN member_id TYPE TEXT COLLATE "C";
ALTER TABLE message_stored_value_watch ALTER COLUMN member_id TYPE TEXT COLLATE "C";
ALTER TABLE message_coupon_codes ALTER COLUMN member_id TYPE TEXT COLLATE "C";
ALTER TABLE member_home ALTER COLUMN member_id TYPE TEXT COLLATE "C";
ALTER TABLE member_events ALTER COLUMN member_id TYPE TEXT COLLATE "C";
ALTER TABLE member_activity ALTER COLUMN member_id TYPE TEXT COLLATE "C";
ALTER TABLE member_visits ALTER COLUMN member_id TYPE TEXT COLLATE "C";
ALTER TABLE member_tiers ALTER COLUMN member_id TYPE TEXT COLLATE "C";
ALTER TABLE liability_owners ALTER COLUMN member_id TYPE TEXT COLLATE "C";
ALTER TABLE sealing_checks ALTER COLUMN member_id TYPE TEXT COLLATE "C";
ALTER TABLE member_purchases ALTER COLUMN member_id TYPE TEXT COLLATE "C";
ALTER TABLE member_purchase_owners ALTER COLUMN member_id TYPE TEXT COLLATE "C";
ALTER TABLE care_feedback ALTER COLUMN member_id TYPE TEXT COLLATE "C";
ALTER TABLE points_lots ALTER COLUMN member_id TYPE TEXT COLLATE "C";

ANALYZE points_overdrafts;
ANALYZE message_outbox;
ANALYZE message_opt_outs;
ANALYZE message_campaign_members;
ANALYZE points_lots_folded;
ANALYZE message_stored_value_watch;
ANALYZE message_coupon_codes;
ANALYZE member_home;
ANALYZE member_events;
ANALYZE member_activity;
ANALYZE member_visits;
ANALYZE member_tiers;
ANALYZE liability_owners;
ANALYZE sealing_checks;
ANALYZE member_purchases;
ANALYZE member_purchase_owners;
ANALYZE care_feedback;
ANALYZE points_lots;
