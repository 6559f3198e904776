package io.chainpos.till.staff;

import io.chainpos.model.event.StaffAccountSet;

/** A staff account as this till knows it. */
public record StaffMember(String staffId, String name, StaffAccountSet.Role role, String pinHash, boolean active) {
}
