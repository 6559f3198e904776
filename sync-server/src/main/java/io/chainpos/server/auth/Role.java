package io.chainpos.server.auth;

import io.chainpos.server.web.Permission;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a signed-in person may do. Head office: {@code hq-admin} does everything, {@code hq-analyst} reads
 * everything and publishes, erases and changes nothing; {@code store-manager} reads one store's sales, stock,
 * tills, exceptions and members, and handles that store's customer feedback. Cashier, manager and owner are till roles with no head-office permission.
 */
public enum Role {
    HQ_ADMIN(EnumSet.allOf(Permission.class)),
    HQ_ANALYST(EnumSet.of(Permission.HOME, Permission.VIEW_USERS, Permission.VIEW_AUDIT, Permission.VIEW_EXCEPTIONS,
            Permission.VIEW_CATALOG, Permission.VIEW_PROMOTIONS, Permission.VIEW_LOYALTY, Permission.VIEW_MEMBERS,
            Permission.VIEW_STORES, Permission.VIEW_SALES, Permission.VIEW_STOCK, Permission.VIEW_LIABILITIES, Permission.VIEW_CARE,
            Permission.VIEW_MESSAGES)),
    STORE_MANAGER(EnumSet.of(Permission.HOME, Permission.VIEW_SALES, Permission.VIEW_STOCK, Permission.VIEW_STORES,
            Permission.VIEW_MEMBERS, Permission.VIEW_EXCEPTIONS, Permission.VIEW_LIABILITIES, Permission.VIEW_CARE,
            Permission.HANDLE_CARE)),
    CASHIER(EnumSet.noneOf(Permission.class)),
    MANAGER(EnumSet.noneOf(Permission.class)),
    OWNER(EnumSet.noneOf(Permission.class));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    /**
     * Reads a label ({@code hq-admin}, {@code hq-analyst}, {@code store-manager}, {@code cashier}, ...) in any case,
     * with {@code -} or {@code _}; {@code hq}, the name before head office had several roles, is {@code hq-admin}.
     */
    public static Optional<Role> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (name.equals("HQ")) {
            return Optional.of(HQ_ADMIN);
        }
        try {
            return Optional.of(valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code hq-admin}, {@code store-manager}, ...: how people and the command line name it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }

    /** A store manager sees one store, named on their account. */
    public boolean isBoundToAStore() {
        return this == STORE_MANAGER;
    }

    /** Head office's roles, which see every store through the JSON API. */
    public boolean isHeadOffice() {
        return this == HQ_ADMIN || this == HQ_ANALYST;
    }
}
