-- Head office's own events by type (its loyalty and tier rule sets, read by the loyalty pages, the expiring-points
-- list and the period end): a partial index holding head office's events only, so the tills' events cost it nothing
-- at ingest and a rule set is found without reading the 300,000 catalog events head office published beside it.
CREATE INDEX events_head_office ON events (type, server_seq) WHERE till_id = 'HQ';
