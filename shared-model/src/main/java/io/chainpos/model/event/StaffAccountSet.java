package io.chainpos.model.event;

import java.util.Objects;

/**
 * A staff account as its store (or head office, {@code storeId} null: every store) sets it: role and the
 * PIN's salted hash ({@code pbkdf2-sha256$iterations$salt$hash}, never the PIN). A later one replaces it.
 */
public record StaffAccountSet(String staffId, String name, Role role, String pinHash, String storeId, boolean active)
        implements AuditEvent {

    /** A cashier sells; a manager also approves overrides, voids and refunds; an owner also sets up staff. */
    public enum Role { CASHIER, MANAGER, OWNER }

    public StaffAccountSet {
        Objects.requireNonNull(staffId, "staffId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(pinHash, "pinHash");
    }
}
