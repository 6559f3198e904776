package io.chainpos.till.device.printer;

/** What the printer last said about itself, and whether a receipt can go to it now. */
public enum PrinterCondition {
    READY(true, "ready"),
    PAPER_LOW(true, "paper running low"),
    /** Printing goes on; this link (a file, a USB device file) or this printer does not report status. */
    STATUS_UNKNOWN(true, "ready (it does not report its status)"),
    PAPER_OUT(false, "out of paper"),
    COVER_OPEN(false, "cover open"),
    OFFLINE(false, "not reachable"),
    TIMEOUT(false, "not answering"),
    ERROR(false, "in error (a paper jam or a cutter fault)"),
    NO_PRINTER(false, "not set up");

    private final boolean canPrint;
    private final String words;

    PrinterCondition(boolean canPrint, String words) {
        this.canPrint = canPrint;
        this.words = words;
    }

    public boolean canPrint() {
        return canPrint;
    }

    /** How the cashier is told, e.g. "out of paper". */
    public String words() {
        return words;
    }
}
