-- The quarantine keeps the envelope, the reason and the payload's codes and amounts, never a person (QuarantineCopy):
-- the detail told to head office, and the SHA-256 of the event as sent, by which the same event sent again is a repeat.
-- Rows kept before this are rewritten the same way by V91.
ALTER TABLE quarantine ADD COLUMN detail TEXT;
ALTER TABLE quarantine ADD COLUMN incoming_sha256 TEXT;
