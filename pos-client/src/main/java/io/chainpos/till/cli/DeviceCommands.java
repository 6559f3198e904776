package io.chainpos.till.cli;

import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.Tender;
import io.chainpos.model.id.TillId;
import io.chainpos.model.sale.ShiftReport;
import io.chainpos.model.event.ChainHead;
import io.chainpos.till.TillWords;
import io.chainpos.till.device.Devices;
import io.chainpos.till.device.drawer.OpenDrawerNoSale;
import io.chainpos.till.device.printer.MemberCardSlip;
import io.chainpos.till.device.printer.PrintJob;
import io.chainpos.till.device.printer.PrinterCondition;
import io.chainpos.till.device.printer.PrinterStatus;
import io.chainpos.till.device.printer.ReprintReceipt;
import io.chainpos.till.device.printer.ShiftReportPrintout;
import io.chainpos.till.member.Member;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The counter-hardware side of the command-line till: reprints, opening the drawer with no sale, member cards,
 * the printer's status (announced when it changes), and the customer display kept in step with the sale.
 */
public final class DeviceCommands {
    static final String HELP = """
            reprint <receipt>         print a receipt again, marked as a reprint
            nosale <manager PIN>      open the cash drawer with no sale (a manager's PIN)
            card <phone|card>         print a member's card with their QR code
            printer                   the printer's status and what waits for it""";

    /** The till sells in yuan; the checkout records every sale in CNY. */
    private static final String CURRENCY = "CNY";

    private final Devices devices;
    private final Optional<OpenDrawerNoSale> noSale;
    private final String cashier;
    private final TillId till;
    private final Clock clock;
    private final PrintStream out;
    private final TillWords speech;
    private volatile PrinterCondition announced;

    /** {@code noSale} is empty on a till with no manager PINs set up. */
    public DeviceCommands(Devices devices, Optional<OpenDrawerNoSale> noSale, String cashier, TillId till, Clock clock,
                          PrintStream out, TillWords speech) {
        this.devices = devices;
        this.noSale = noSale;
        this.cashier = cashier;
        this.till = till;
        this.clock = clock;
        this.out = out;
        this.speech = speech;
        this.announced = devices.printer().status().condition();
        devices.printer().onStatus(this::announce);
    }

    void reprint(String[] words) {
        if (words.length < 2) {
            throw new IllegalArgumentException("reprint needs a receipt number, e.g. reprint S001-T1-1-000042");
        }
        switch (devices.reprint().reprint(words[1])) {
            case ReprintReceipt.Queued queued -> out.println("reprint of " + queued.receiptNo() + " sent to the printer; "
                    + devices.printer().status().forCashier());
            case ReprintReceipt.NotFound notFound -> out.println(speech.say(notFound.reason()));
        }
    }

    void noSale(String[] words) {
        if (words.length < 2) {
            throw new IllegalArgumentException("nosale needs a manager's PIN");
        }
        if (noSale.isEmpty()) {
            out.println("no manager PINs are set up on this till, so the drawer cannot be opened with no sale");
            return;
        }
        switch (noSale.get().open(words[1], cashier)) {
            case OpenDrawerNoSale.Opened opened -> out.println("drawer opened, approved by " + opened.approvedBy());
            case OpenDrawerNoSale.Refused refused -> out.println(speech.say(refused.reason()));
        }
    }

    void memberCard(Member member) {
        devices.printer().print(PrintJob.Kind.MEMBER_CARD, member.cardNo().value(),
                new MemberCardSlip(member.name(), member.phone(), member.cardNo()));
        out.println("member card for " + member.name() + " sent to the printer; " + devices.printer().status().forCashier());
    }

    void printerStatus() {
        PrinterStatus status = devices.printer().status();
        out.println(status.forCashier());
        if (!status.detail().isEmpty()) {
            out.println("  " + status.detail());
        }
        List<PrintJob> waiting = devices.waitingPrintouts();
        for (PrintJob job : waiting) {
            out.printf("  waiting: %s %s (%d tries%s)%n", job.kind().name().toLowerCase(java.util.Locale.ROOT),
                    job.reference(), job.attempts(), job.lastProblem() == null ? "" : ", " + job.lastProblem());
        }
    }

    void itemAdded(String name, long lineTotal, long saleTotal, String currency) {
        devices.display().showItem(name, lineTotal, saleTotal, currency);
    }

    /** Prints an X report as well as showing it. */
    void shiftReport(ShiftReport report) {
        print(ShiftReportPrintout.of(report, till, CURRENCY, clock.instant()));
    }

    /** Prints a Z report with the event chain's head at the close, as the screen's Z prints it. */
    void shiftReport(ShiftReport report, ChainHead head) {
        print(ShiftReportPrintout.of(report, till, CURRENCY, clock.instant()).withChainHead(head.seq(), head.shortHash()));
    }

    private void print(ShiftReportPrintout printout) {
        devices.printer().print(PrintJob.Kind.REPORT, printout.kind() + " " + printout.shiftId(), printout);
        out.println(printout.kind() + " report sent to the printer; " + devices.printer().status().forCashier());
    }

    void salePaid(SaleCompleted sale) {
        long paid = sale.tenders().stream().mapToLong(Tender::amount).sum();
        devices.display().showPaid(paid, sale.change(), sale.currency());
    }

    void saleCleared() {
        devices.display().welcome();
    }

    private void announce(PrinterStatus status) {
        if (status.condition() != announced || status.drawerNotOpened()) {
            announced = status.condition();
            out.println();
            out.println("! " + status.forCashier());
        }
    }
}
