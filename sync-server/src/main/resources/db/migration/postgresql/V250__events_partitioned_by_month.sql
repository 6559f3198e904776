-- The event log at chain scale (a 5,000-store chain writes some 30 million events a day): events partitioned, so
-- whole months of old records can be detached for archive (sync-server events detach, README "Archiving old months
-- of the log") and the live table stops growing for ever. SQLite (one shop's server) stays unpartitioned: its V250
-- changes nothing.
--
--   events                    PARTITION BY LIST (kind)
--     events_state            kind 'S': every event a snapshot may still need, never detached
--     events_records          kind 'R': PARTITION BY RANGE (received_ms), one partition a UTC month
--       events_records_y2026m11  FROM (first ms of the month) TO (first ms of the next)
--       events_records_default   DEFAULT: a month nobody created yet lands here, so an insert never fails
--
-- Which kind: 'R' (record) is exactly what a snapshot leaves out once it is older than the pull retention
-- (JdbcSnapshot, EventKind): sales, refunds, voids, coupon redemptions, the counter's audit acts (drawer, approvals,
-- shifts, cash moves, staff accounts), stored-value top-ups and their refunds. Everything else is 'S': members,
-- catalog, price lists, promotions, rules, transfers, stocktakes... which a new till's snapshot reads from the log
-- since the beginning, and the summed balances (PointsChanged, StoredValueChanged, StockChanged), whose snapshot
-- takes away what the requesting till still holds of its own, read from the log whatever their age. A month of
-- records older than the retention is needed by no snapshot and no pull, so detaching it changes neither.
-- The kind is written by the ingest (a partition key cannot be computed by the database: no generated column,
-- no trigger may route). A type may later move from 'S' to 'R' freely; from 'R' to 'S' only with a migration that
-- moves its rows, as its detached months would be gone from snapshots.
--
-- Uniqueness: PostgreSQL wants the partition key in every unique constraint, so events can no longer say that an
-- event id, or a till key (till, epoch, seq), is taken once in the whole chain. event_keys, unpartitioned and never
-- detached, says it instead: the ingest writes an event's keys there in the same transaction, just before the event,
-- and a taken id fails that insert as it failed the events insert before (the ingest then runs again looking first).
-- event_keys also answers "is this id taken, and by which key" after the event's month is detached.
--
-- The pull (server_seq > ? ORDER BY server_seq LIMIT n) stays an index range scan: every partition has the primary
-- key's index, which leads with server_seq, and PostgreSQL merges the partitions' ordered scans (Merge Append); a
-- month that holds nothing past the cursor costs one index descent. Reads bounded by time (records since the
-- retention) are pruned to their months.
--
-- log_head is not touched: server sequences go on from where they were, in commit order.

CREATE TABLE event_keys (
    event_id   TEXT    COLLATE "C" NOT NULL,
    till_id    TEXT    COLLATE "C" NOT NULL,
    till_epoch INTEGER NOT NULL,
    till_seq   BIGINT  NOT NULL,
    CONSTRAINT event_keys_event_id PRIMARY KEY (event_id),
    CONSTRAINT event_keys_till_key UNIQUE (till_id, till_epoch, till_seq)
);

-- Each month of records detached (sync-server events detach): its table is left in the schema under the partition's
-- name for an archive dump (pg_dump --table), and the pull sends a till whose cursor is at or before last_seq to a
-- snapshot.
CREATE TABLE event_archives (
    partition_name TEXT   PRIMARY KEY,
    month          TEXT   NOT NULL, -- yyyy-MM, UTC
    from_ms        BIGINT NOT NULL,
    to_ms          BIGINT NOT NULL,
    events         BIGINT NOT NULL,
    first_seq      BIGINT,
    last_seq       BIGINT,
    detached_ms    BIGINT NOT NULL
);

ALTER TABLE events RENAME TO events_unpartitioned;

CREATE TABLE events (
    server_seq     BIGINT  NOT NULL, -- taken from log_head in commit order (V4), never from a sequence
    event_id       TEXT    COLLATE "C" NOT NULL,
    store_id       TEXT    COLLATE "C" NOT NULL,
    till_id        TEXT    COLLATE "C" NOT NULL,
    till_epoch     INTEGER NOT NULL,
    till_seq       BIGINT  NOT NULL,
    type           TEXT    COLLATE "C" NOT NULL,
    schema_version INTEGER NOT NULL,
    hlc            BIGINT  NOT NULL,
    occurred_at    TEXT    NOT NULL,
    scope          TEXT    COLLATE "C" NOT NULL,
    received_ms    BIGINT  NOT NULL,
    body           TEXT    NOT NULL,
    kind           CHAR(1) NOT NULL -- 'S' state, kept; 'R' record, detachable by month (above)
) PARTITION BY LIST (kind);

CREATE TABLE events_state PARTITION OF events FOR VALUES IN ('S');
CREATE TABLE events_records PARTITION OF events FOR VALUES IN ('R') PARTITION BY RANGE (received_ms);
CREATE TABLE events_records_default PARTITION OF events_records DEFAULT;

-- A partition for every month the stored records were received in, to three months ahead of today; the server makes
-- the next ones as months go by (JdbcEventPartitions, at start-up and every hour).
DO $$
DECLARE
    first_month DATE := date_trunc('month', LEAST(
        now() AT TIME ZONE 'UTC',
        COALESCE((SELECT to_timestamp(MIN(received_ms) / 1000.0) AT TIME ZONE 'UTC' FROM events_unpartitioned), now() AT TIME ZONE 'UTC')));
    last_month  DATE := date_trunc('month', now() AT TIME ZONE 'UTC') + INTERVAL '3 months';
    m           DATE;
BEGIN
    m := first_month;
    WHILE m <= last_month LOOP
        EXECUTE format('CREATE TABLE %I PARTITION OF events_records FOR VALUES FROM (%s) TO (%s)',
                       'events_records_y' || to_char(m, 'YYYY') || 'm' || to_char(m, 'MM'),
                       (extract(epoch FROM m::timestamp) * 1000)::bigint,
                       (extract(epoch FROM (m + INTERVAL '1 month')::timestamp) * 1000)::bigint);
        m := m + INTERVAL '1 month';
    END LOOP;
END $$;

INSERT INTO event_keys (event_id, till_id, till_epoch, till_seq)
SELECT event_id, till_id, till_epoch, till_seq FROM events_unpartitioned;

-- The record types, as EventKind names them (EventKindTest holds this list to the code's).
INSERT INTO events (server_seq, event_id, store_id, till_id, till_epoch, till_seq, type, schema_version, hlc, occurred_at,
                    scope, received_ms, body, kind)
SELECT server_seq, event_id, store_id, till_id, till_epoch, till_seq, type, schema_version, hlc, occurred_at,
       scope, received_ms, body,
       CASE WHEN type IN ('SaleCompleted', 'SaleRefunded', 'CouponRedeemed', 'SaleVoided', 'DrawerOpened', 'ManagerApproved',
                          'ShiftOpened', 'CashMoved', 'ShiftClosed', 'StaffAccountSet', 'StoredValueToppedUp',
                          'TopUpRefunded')
            THEN 'R' ELSE 'S' END
FROM events_unpartitioned;

DROP TABLE events_unpartitioned;

-- Every index the code reads the log by, as before, built once the rows are in. The primary key leads with server_seq
-- (the pull, the snapshot, the log head's neighbours); server_seq alone is unique through log_head.
ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY (server_seq, kind, received_ms);
-- Dedup's body lookup, member history (member_events) and the sealing check read events by id.
CREATE INDEX events_event_id ON events (event_id);
-- A till's events by key: repeats at push, what a till still holds at snapshot, head office's last publication.
CREATE INDEX events_till_key ON events (till_id, till_epoch, till_seq);
-- V237's partial index of head office's events.
CREATE INDEX events_head_office ON events (type, server_seq) WHERE till_id = 'HQ';
