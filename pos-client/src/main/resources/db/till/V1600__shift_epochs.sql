-- A shift opened before a till was replaced (or restored from a backup) is closed under the new epoch:
-- where it ends is an epoch and a sequence, as where it starts is.
ALTER TABLE shifts ADD COLUMN closed_epoch INTEGER;
UPDATE shifts SET closed_epoch = till_epoch WHERE closed_seq IS NOT NULL;
