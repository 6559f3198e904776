package io.chainpos.till.device.drawer;

import io.chainpos.till.device.printer.PrintQueue;

/** A drawer plugged into the receipt printer's drawer kick-out port: opened by the printer's pulse (ESC p). */
public final class PrinterCashDrawer implements CashDrawer {
    private final PrintQueue printer;

    public PrinterCashDrawer(PrintQueue printer) {
        this.printer = printer;
    }

    @Override
    public void open() {
        printer.kickDrawer();
    }
}
