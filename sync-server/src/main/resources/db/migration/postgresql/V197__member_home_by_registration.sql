-- Head office's member list shows the newest registrations first, for the chain or one home store: without these
-- indexes a chain of a million members sorted every member_home row for a page of fifty.
CREATE INDEX member_home_by_registered ON member_home (registered_ms, member_id);
CREATE INDEX member_home_by_store_registered ON member_home (store_id, registered_ms, member_id);
