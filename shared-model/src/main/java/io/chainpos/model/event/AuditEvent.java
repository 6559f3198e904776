package io.chainpos.model.event;

/** Sensitive acts at a counter, kept in the ledger so head office sees who did what and who approved it. */
public sealed interface AuditEvent extends Event permits DrawerOpened, ManagerApproved,
        ShiftOpened, CashMoved, ShiftClosed, SaleVoided, StaffAccountSet {
}
