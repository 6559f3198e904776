package io.chainpos.till.device.display;

/** A till without a customer display (it is optional in the settings). */
public final class NoCustomerDisplay implements CustomerDisplay {

    @Override
    public void showItem(String name, long lineTotal, long saleTotal, String currency) {
        // no display to show it on
    }

    @Override
    public void showPaid(long paid, long change, String currency) {
        // no display to show it on
    }

    @Override
    public void welcome() {
        // no display to show it on
    }

    @Override
    public void close() {
        // nothing open
    }
}
