-- The points each owner holds across every store, kept with the pools: the chain's member report banded every owner's
-- points by grouping all the pools (414,808 at a million members, 0.7 s a page on PostgreSQL); it now reads one narrow
-- row an owner. Written by the liability projection; filled here from the pools kept.
CREATE TABLE liability_owner_points (
    owner_id TEXT    NOT NULL PRIMARY KEY,
    points   BIGINT  NOT NULL
);

INSERT INTO liability_owner_points (owner_id, points)
SELECT owner_id, SUM(points) FROM liability_pools GROUP BY owner_id;
