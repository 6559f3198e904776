-- PostgreSQL's V250 partitions the event log by month for a chain's archive; SQLite (one shop's server) keeps one
-- unpartitioned events table, whose unique constraints already hold the event id and the till key. Nothing changes
-- here: this version keeps the two dialects' migrations in step.
SELECT 1;
