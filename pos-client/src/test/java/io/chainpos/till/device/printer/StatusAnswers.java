package io.chainpos.till.device.printer;

/** What an Epson-style printer answers to DLE EOT 1, 2 and 4 in each condition, per the ESC/POS specification. */
final class StatusAnswers {
    private StatusAnswers() {
    }

    static int answer(PrinterCondition condition, int request) {
        int fixed = 0x12;
        return switch (condition) {
            case READY, STATUS_UNKNOWN -> fixed;
            case PAPER_LOW -> request == 4 ? fixed | 0x0C : fixed;
            case PAPER_OUT -> switch (request) {
                case 1 -> fixed | 0x08;
                case 2 -> fixed | 0x20;
                default -> fixed | 0x60;
            };
            case COVER_OPEN -> switch (request) {
                case 1 -> fixed | 0x08;
                case 2 -> fixed | 0x04;
                default -> fixed;
            };
            case ERROR -> switch (request) {
                case 1 -> fixed | 0x08;
                case 2 -> fixed | 0x40;
                default -> fixed;
            };
            case OFFLINE, TIMEOUT, NO_PRINTER -> request == 1 ? fixed | 0x08 : fixed;
        };
    }
}
