package io.chainpos.till.staff;

import io.chainpos.model.event.StaffAccountSet;
import io.chainpos.till.ledger.LedgerSession;
import java.util.List;

/** Reads this store's staff accounts. */
public final class StaffStore {

    public List<StaffMember> active(LedgerSession session) {
        return session.handle().createQuery("SELECT staff_id, name, role, pin_hash, active FROM staff WHERE active = 1 "
                        + "ORDER BY staff_id")
                .map((rs, ctx) -> new StaffMember(rs.getString(1), rs.getString(2),
                        StaffAccountSet.Role.valueOf(rs.getString(3)), rs.getString(4), rs.getBoolean(5)))
                .list();
    }
}
