package io.chainpos.till.device.drawer;

import io.chainpos.till.staff.Approval;
import io.chainpos.till.staff.ManagerApprovals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Managers' PINs for tests, a hand-written stand-in for the staff feature's approvals; it remembers what it was asked. */
final class PinBook implements ManagerApprovals {
    private final Map<String, String> managerByPin;
    final List<String> actionsAsked = new ArrayList<>();

    PinBook(Map<String, String> managerByPin) {
        this.managerByPin = Map.copyOf(managerByPin);
    }

    @Override
    public Optional<Approval> approve(String pin, String action) {
        actionsAsked.add(action);
        return Optional.ofNullable(managerByPin.get(pin)).map(manager -> new Approval(manager, "Manager " + manager, action));
    }
}
