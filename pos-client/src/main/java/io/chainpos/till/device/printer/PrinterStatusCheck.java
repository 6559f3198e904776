package io.chainpos.till.device.printer;

import java.io.IOException;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks an ESC/POS printer how it is with the real-time status requests DLE EOT 1 (printer), 2 (offline cause)
 * and 4 (paper roll sensor), and reads the answers as the Epson specification lays them out.
 */
final class PrinterStatusCheck {
    private static final Logger log = LoggerFactory.getLogger(PrinterStatusCheck.class);

    /** Every status byte has bit 1 and bit 4 set, bits 0 and 7 clear. */
    private static final int FIXED_MASK = 0x93;
    private static final int FIXED_BITS = 0x12;
    private static final int PRINTER_OFFLINE = 0x08;
    private static final int COVER_OPEN = 0x04;
    private static final int STOPPED_FOR_PAPER_END = 0x20;
    private static final int ERROR = 0x40;
    private static final int PAPER_NEAR_END = 0x0C;
    private static final int PAPER_END = 0x60;

    private PrinterStatusCheck() {
    }

    static PrinterCondition check(PrinterConnection connection) throws IOException {
        OptionalInt printer = connection.ask(EscPosCommands.statusRequest(1));
        if (printer.isEmpty()) {
            return PrinterCondition.STATUS_UNKNOWN;
        }
        OptionalInt cause = connection.ask(EscPosCommands.statusRequest(2));
        OptionalInt paper = connection.ask(EscPosCommands.statusRequest(4));
        return decode(printer.getAsInt(), cause.orElse(FIXED_BITS), paper.orElse(FIXED_BITS));
    }

    /** The condition three status answers describe, the one that stops printing first. */
    static PrinterCondition decode(int printer, int offlineCause, int paper) {
        if (!wellFormed(printer) || !wellFormed(offlineCause) || !wellFormed(paper)) {
            // some printers answer DLE EOT in their own way; printing still works, so do not hold receipts for it
            log.warn("printer.status.unreadable printer={} cause={} paper={}", hex(printer), hex(offlineCause), hex(paper));
            return PrinterCondition.STATUS_UNKNOWN;
        }
        if ((offlineCause & COVER_OPEN) != 0) {
            return PrinterCondition.COVER_OPEN;
        }
        if ((paper & PAPER_END) != 0 || (offlineCause & STOPPED_FOR_PAPER_END) != 0) {
            return PrinterCondition.PAPER_OUT;
        }
        if ((offlineCause & ERROR) != 0) {
            return PrinterCondition.ERROR;
        }
        if ((printer & PRINTER_OFFLINE) != 0) {
            return PrinterCondition.OFFLINE;
        }
        if ((paper & PAPER_NEAR_END) != 0) {
            return PrinterCondition.PAPER_LOW;
        }
        return PrinterCondition.READY;
    }

    private static boolean wellFormed(int answer) {
        return (answer & FIXED_MASK) == FIXED_BITS;
    }

    private static String hex(int value) {
        return "0x%02X".formatted(value);
    }
}
