package io.chainpos.till.cli;

import static io.chainpos.till.cli.CommandLineTill.arg;
import static io.chainpos.till.cli.Text.amount;
import static io.chainpos.till.cli.Text.milli;
import static io.chainpos.till.cli.Text.qty;
import static io.chainpos.till.cli.Text.yuan;

import io.chainpos.model.event.CashMoved;
import io.chainpos.model.event.RefundLine;
import io.chainpos.model.event.StaffAccountSet;
import io.chainpos.model.id.Sku;
import io.chainpos.model.sale.Refunds;
import io.chainpos.till.TillMessage;
import io.chainpos.till.TillWords;
import io.chainpos.till.catalog.ImportProducts;
import io.chainpos.till.refund.RefundSale;
import io.chainpos.till.shift.Shifts;
import io.chainpos.till.staff.SetUpStaff;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The command line's shift, refund, staff and import commands. */
final class BackOfficeCommands {
    private final Counter counter;
    private final PrintStream out;
    private final TillWords speech;
    private final DeviceCommands devices;

    /** {@code devices} null: shift reports show on screen only. */
    BackOfficeCommands(Counter counter, PrintStream out, DeviceCommands devices, TillWords speech) {
        this.counter = counter;
        this.out = out;
        this.speech = speech;
        this.devices = devices;
    }

    void handle(String[] words) {
        switch (words[0].toLowerCase(Locale.ROOT)) {
            case "shift" -> shift(words);
            case "refund" -> refund(words);
            case "return" -> returnWithoutReceipt(words);
            case "staff" -> staff(words);
            case "import" -> importCsv(arg(words, 1, "import needs a CSV file"));
            default -> throw new IllegalArgumentException("unknown command '" + words[0] + "'");
        }
    }

    private void shift(String[] words) {
        String what = arg(words, 1, "shift open <float> | in <yuan> <reason> | out <yuan> <reason> | x | close <counted>");
        String cashier = counter.cashier();
        Shifts.Result result = switch (what.toLowerCase(Locale.ROOT)) {
            case "open" -> counter.shifts().open(cashier, amount(arg(words, 2, "shift open needs the float")));
            case "in", "out" -> counter.shifts().moveCash(cashier, what.equalsIgnoreCase("in") ? CashMoved.Direction.IN
                    : CashMoved.Direction.OUT, amount(arg(words, 2, "how much?")), rest(words, 3));
            case "x" -> counter.shifts().xReport().<Shifts.Result>map(Shifts.Moved::new)
                    .orElse(new Shifts.Refused(TillMessage.of(TillMessage.Code.NO_SHIFT_OPEN)));
            case "close" -> counter.shifts().close(cashier, amount(arg(words, 2, "shift close needs the counted cash")));
            default -> throw new IllegalArgumentException("shift open | in | out | x | close");
        };
        switch (result) {
            case Shifts.Opened opened -> out.println("shift open; the drawer opens for the float");
            case Shifts.Moved moved -> {
                Text.report(out, moved.report());
                if (devices != null && what.equalsIgnoreCase("x")) {
                    devices.shiftReport(moved.report());
                }
            }
            case Shifts.Closed closed -> {
                Text.report(out, closed.zReport());
                out.printf("  chain #%d %s%n", closed.chainHead().seq(), closed.chainHead().shortHash());
                if (devices != null) {
                    devices.shiftReport(closed.zReport(), closed.chainHead());
                }
            }
            case Shifts.Refused refused -> out.println(speech.say(refused.reason()));
        }
    }

    private void refund(String[] words) {
        String receipt = arg(words, 1, "refund needs a receipt number");
        List<Refunds.Request> items = new ArrayList<>();
        if (words.length == 2) {
            counter.refunds().refundable(receipt).orElse(List.of()).stream().filter(r -> r.qtyMilli() > 0)
                    .forEach(r -> items.add(new Refunds.Request(r.sku(), r.qtyMilli())));
        }
        for (int i = 2; i + 1 < words.length; i += 2) {
            items.add(new Refunds.Request(Sku.of(words[i]), milli(words[i + 1])));
        }
        if ((words.length - 2) % 2 != 0) {
            throw new IllegalArgumentException("name each product as <sku> <qty>");
        }
        show(counter.refunds().refund(receipt, items, counter.cashier()));
    }

    private void returnWithoutReceipt(String[] words) {
        if (words.length < 5) {
            throw new IllegalArgumentException("return <manager PIN> <code> <qty> <reason>");
        }
        show(counter.refunds().refundWithoutReceipt(List.of(new RefundSale.ReturnedItem(words[2], milli(words[3]))),
                rest(words, 4), words[1], counter.cashier()));
    }

    private void show(RefundSale.Result result) {
        switch (result) {
            case RefundSale.Refunded refunded -> {
                for (RefundLine line : refunded.refund().lines()) {
                    out.printf("  %-24s %8s %10s%n", line.name(), qty(line.qtyMilli()), yuan(line.amount()));
                }
                refunded.refund().tenders().forEach(t -> out.printf("  back to %-10s %s%n", t.method(), yuan(t.amount())));
                out.printf("refunded %s; points taken back %d, points restored %d, stored value restored %s%n",
                        yuan(refunded.refund().total()), refunded.pointsTakenBack(), refunded.pointsRestored(),
                        yuan(refunded.storedValueRestored()));
            }
            case RefundSale.Refused refused -> out.println(speech.say(refused.reason()));
        }
    }

    private void staff(String[] words) {
        if (words.length < 5) {
            throw new IllegalArgumentException("staff <id> <name> <cashier|manager|owner> <PIN> [owner PIN]");
        }
        StaffAccountSet.Role role;
        try {
            role = StaffAccountSet.Role.valueOf(words[3].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a role is cashier, manager or owner");
        }
        switch (counter.staff().save(words[1], words[2], role, words[4], words.length > 5 ? words[5] : null)) {
            case SetUpStaff.Saved saved -> out.println("staff " + saved.member().staffId() + " saved as " + role);
            case SetUpStaff.Refused refused -> out.println(speech.say(refused.reason()));
        }
    }

    private void importCsv(String file) {
        try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            ImportProducts.Report report = counter.importProducts().importCsv(reader);
            out.println("imported " + report.imported() + " products, refused " + report.rejected().size());
            report.rejected().forEach(r -> out.printf("  line %d %s: %s%n", r.line(), r.sku(), speech.say(r.reason())));
        } catch (IOException e) {
            out.println("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static String rest(String[] words, int from) {
        return words.length > from ? String.join(" ", Arrays.asList(words).subList(from, words.length)) : "";
    }
}
