package io.chainpos.till.cli;

import static io.chainpos.till.cli.CommandLineTill.arg;

import io.chainpos.model.event.StocktakeScope;
import io.chainpos.model.id.Sku;
import io.chainpos.till.TillWords;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.stock.StocktakeStore;
import io.chainpos.till.stock.Stocktaking;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The command line's stocktake (盘点): start, count, correct, show, approve with a manager's PIN, cancel. */
final class StocktakeCommands {
    static final String HELP = """
            stocktake start [store | category <code> | shelf <label>]   start counting (盘点); sales go on
            stocktake count <code>:<qty> ...      count by scanning: a product counted again adds
            stocktake correct <code> <qty>        a product's count becomes <qty>
            stocktake show                        what is counted, against the stock when counted
            stocktake approve <manager PIN> [zero]   finish it; with zero, uncounted products in scope are booked as none left
            stocktake cancel                      drop the stocktake: nothing is recorded""";

    private final Ledger ledger;
    private final Stocktaking stocktaking;
    private final Counter counter;
    private final PrintStream out;
    private final TillWords speech;

    StocktakeCommands(Ledger ledger, Counter counter, PrintStream out, TillWords speech) {
        this.ledger = ledger;
        this.stocktaking = counter.stock().stocktaking();
        this.counter = counter;
        this.out = out;
        this.speech = speech;
    }

    void handle(String[] words) {
        String what = arg(words, 1, "stocktake start, count, correct, show, approve or cancel?").toLowerCase(Locale.ROOT);
        switch (what) {
            case "start" -> start(words);
            case "count" -> {
                arg(words, 2, "stocktake count needs <code>:<qty>");
                for (int i = 2; i < words.length; i++) {
                    String[] parts = words[i].split(":", -1);
                    say(stocktaking.count(parts[0], parts.length > 1 ? parts[1] : "1", counter.cashier()));
                }
            }
            case "correct" -> say(stocktaking.correct(arg(words, 2, "stocktake correct needs a product code"),
                    arg(words, 3, "stocktake correct needs the quantity"), counter.cashier()));
            case "show" -> show();
            case "approve" -> {
                boolean zero = words.length > 3 && "zero".equalsIgnoreCase(words[3]);
                switch (stocktaking.approve(words.length > 2 ? words[2] : "", zero)) {
                    case Stocktaking.Approved done -> out.println(speech.say(done.message()));
                    case Stocktaking.NotApproved refused -> out.println(speech.say(refused.reason()));
                }
            }
            case "cancel" -> say(stocktaking.cancel());
            default -> throw new IllegalArgumentException("stocktake start, count, correct, show, approve or cancel, not '" + what + "'");
        }
    }

    private void start(String[] words) {
        String kind = words.length > 2 ? words[2].toLowerCase(Locale.ROOT) : "store";
        String label = words.length > 3 ? String.join(" ", List.of(words).subList(3, words.length)) : null;
        StocktakeScope.Kind scope = switch (kind) {
            case "store" -> StocktakeScope.Kind.STORE;
            case "category" -> StocktakeScope.Kind.CATEGORY;
            case "shelf" -> StocktakeScope.Kind.SHELF;
            default -> throw new IllegalArgumentException("stocktake start store, category <code> or shelf <label>, not '" + kind + "'");
        };
        say(stocktaking.start(scope, label, counter.cashier()));
    }

    private void show() {
        Optional<StocktakeStore.Open> open = ledger.read(stocktaking.sheet()::open);
        if (open.isEmpty()) {
            out.println("no stocktake is open");
            return;
        }
        StocktakeScope scope = open.get().scope();
        out.printf("stocktake of %s%s, started %s by %s%n", scope.kind().name().toLowerCase(Locale.ROOT),
                scope.label() == null ? "" : " " + scope.label(), open.get().startedAt(), open.get().startedBy());
        for (StocktakeStore.Count c : ledger.read(stocktaking.sheet()::counts)) {
            out.printf("  %s  counted %s  on hand when counted %s  difference %s%n", c.sku(), qty(c.countedMilli()),
                    qty(c.onHandMilli()), qty(c.differenceMilli()));
        }
        List<Sku> uncounted = ledger.read(s -> stocktaking.uncounted(s, counter.clock().instant()));
        out.println(scope.kind() == StocktakeScope.Kind.SHELF
                ? "a shelf has only the products counted on it"
                : uncounted.size() + " products in scope not counted " + uncounted
                        + ": left as they stand, unless approved with 'zero' (then booked as none left)");
    }

    private void say(Stocktaking.Result result) {
        switch (result) {
            case Stocktaking.Done done -> out.println(speech.say(done.message()));
            case Stocktaking.Refused refused -> out.println(speech.say(refused.reason()));
        }
    }

    private static String qty(long milli) {
        return BigDecimal.valueOf(milli, 3).stripTrailingZeros().toPlainString();
    }
}
