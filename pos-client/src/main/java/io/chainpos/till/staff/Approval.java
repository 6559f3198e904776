package io.chainpos.till.staff;

import java.util.Objects;

/** A manager's yes to one action, given by PIN at the counter. */
public record Approval(String managerId, String managerName, String action) {
    public Approval {
        Objects.requireNonNull(managerId, "managerId");
        Objects.requireNonNull(action, "action");
    }
}
