package io.chainpos.till.device.display;

/**
 * The display facing the customer: the last item rung up and the running total, then what was paid and the
 * change. Amounts in minor units of {@code currency}. Calls return at once; a display that is unplugged is
 * noticed, logged and tried again at the next update, never a reason to stop the sale.
 */
public interface CustomerDisplay extends AutoCloseable {

    void showItem(String name, long lineTotal, long saleTotal, String currency);

    void showPaid(long paid, long change, String currency);

    /** Between customers. */
    void welcome();

    @Override
    void close();
}
