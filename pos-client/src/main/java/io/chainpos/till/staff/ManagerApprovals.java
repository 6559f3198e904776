package io.chainpos.till.staff;

import java.util.Optional;

/**
 * Checks a manager's PIN for an action a cashier may not do alone. Empty means the PIN is wrong or its
 * owner may not approve that action; the caller records a {@code ManagerApproved} event for a yes.
 */
public interface ManagerApprovals {

    Optional<Approval> approve(String pin, String action);
}
