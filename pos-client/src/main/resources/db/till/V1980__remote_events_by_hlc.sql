-- The highest hybrid time of the pulled events is read at every start, to stamp new events after it: through this
-- index, instead of reading the whole remote log (300,000 catalog events in a big chain's till).
CREATE INDEX remote_events_by_hlc ON remote_events (hlc);
