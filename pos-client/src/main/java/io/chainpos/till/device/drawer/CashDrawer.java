package io.chainpos.till.device.drawer;

/**
 * The cash drawer under the counter. It is opened only when a {@code DrawerOpened} event has been committed
 * (see {@link DrawerOpener}), so every opening is on record before the drawer moves.
 */
public interface CashDrawer {

    /** Sends the opening pulse; a drawer that cannot be reached is reported through the printer's status. */
    void open();
}
