package io.chainpos.till.staff;

import io.chainpos.model.event.StaffAccountSet;
import io.chainpos.till.ledger.LedgerSession;
import java.util.List;

/** Reads this store's staff accounts. */
public final class StaffStore {

    /** The name of the account with this sign-in id, active or not (a slip reprinted after someone left). */
    public java.util.Optional<String> nameOf(LedgerSession session, String staffId) {
        return session.handle().createQuery("SELECT name FROM staff WHERE staff_id = :id").bind("id", staffId)
                .mapTo(String.class).findOne();
    }

    public List<StaffMember> active(LedgerSession session) {
        return session.handle().createQuery("SELECT staff_id, name, role, pin_hash, active FROM staff WHERE active = 1 "
                        + "ORDER BY staff_id")
                .map((rs, ctx) -> new StaffMember(rs.getString(1), rs.getString(2),
                        StaffAccountSet.Role.valueOf(rs.getString(3)), rs.getString(4), rs.getBoolean(5)))
                .list();
    }
}
