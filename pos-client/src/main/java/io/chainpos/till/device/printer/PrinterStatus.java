package io.chainpos.till.device.printer;

import java.util.Objects;

/**
 * What the cashier is shown about the receipt printer: its condition, how many printouts wait for it, the
 * technical detail of the last problem (for the owner, never the headline), and whether a drawer kick had to be
 * dropped because the printer could not be reached.
 */
public record PrinterStatus(PrinterCondition condition, int waiting, String detail, boolean drawerNotOpened) {

    public PrinterStatus {
        Objects.requireNonNull(condition, "condition");
        detail = detail == null ? "" : detail;
    }

    /** True when printouts wait because the printer cannot take them. */
    public boolean holding() {
        return !condition.canPrint() && waiting > 0;
    }

    /** One sentence for the counter: "printer out of paper: 2 receipts waiting; they print when it is back". */
    public String forCashier() {
        StringBuilder sentence = new StringBuilder("printer ").append(condition.words());
        if (waiting > 0) {
            sentence.append(": ").append(waiting == 1 ? "1 receipt waiting" : waiting + " receipts waiting");
            if (!condition.canPrint()) {
                sentence.append("; they print when it is back");
            }
        }
        if (drawerNotOpened) {
            sentence.append(". The cash drawer did not open: use its key");
        }
        return sentence.toString();
    }
}
