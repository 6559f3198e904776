-- Member ids compare byte by byte ("C") in every table, as member_aliases, member_keys, member_fields, the balances and the
-- exceptions already did. PostgreSQL compares two columns of different collations in the collation of the expression, so a
-- join from member_aliases (or anything COALESCEd with it) to a member table of the database's default collation could
-- not use that table's index: the chain's member report read member_home once for every member (minutes at a million
-- members), and every alias lookup read the whole table. Changing a column's collation keeps its rows; its indexes are
-- built again.
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
