package io.chainpos.till.cli;

import static io.chainpos.till.cli.CommandLineTill.arg;

import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.till.TillWords;
import io.chainpos.till.catalog.Product;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.stock.CancelTransfer;
import io.chainpos.till.stock.ReceiveGoods;
import io.chainpos.till.stock.ReceiveTransfer;
import io.chainpos.till.stock.SendTransfer;
import io.chainpos.till.stock.StockDesk;
import io.chainpos.till.stock.StockEntry;
import io.chainpos.till.stock.Transfer;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The command line's stock commands: goods received, transfers sent, received and cancelled, a product's stock. */
final class StockCommands {
    static final String HELP = """
            receive <supplier|-> <note|-> <code>:<qty>[:<on the note>[:<damaged>]] ...   goods in from a supplier (入库)
            transfer send <store> <code>:<qty> ...            send goods to another store (调拨出库); prints the slip code
            transfer receive <slip> [<code>:<arrived>[:<damaged>]] ...   confirm a transfer (调拨入库); unnamed products arrived as sent
            transfer cancel <slip> [reason]                   call back a transfer not yet received: goods back in stock
            transfers                 transfers in transit to or from this store
            stock <code>              this store's stock of a product, and what is in transit""";

    private final Ledger ledger;
    private final StockDesk desk;
    private final Counter counter;
    private final PrintStream out;
    private final TillWords speech;

    StockCommands(Ledger ledger, Counter counter, PrintStream out, TillWords speech) {
        this.ledger = ledger;
        this.desk = counter.stock();
        this.counter = counter;
        this.out = out;
        this.speech = speech;
    }

    void handle(String[] words) {
        switch (words[0].toLowerCase(Locale.ROOT)) {
            case "receive" -> receive(words);
            case "transfer" -> transfer(words);
            case "transfers" -> transfers();
            case "stock" -> stock(arg(words, 1, "stock needs a product code"));
            default -> throw new IllegalArgumentException("unknown command '" + words[0] + "'");
        }
    }

    private void receive(String[] words) {
        String supplier = dash(arg(words, 1, "receive needs the supplier (or -), the delivery note (or -) and products"));
        String note = dash(arg(words, 2, "receive needs the delivery note (or -) and products"));
        List<StockEntry> entries = entries(words, 3, true);
        switch (desk.receiveGoods().receive(supplier, note, entries, counter.cashier())) {
            case ReceiveGoods.Received done -> out.println(speech.say(done.message()));
            case ReceiveGoods.Refused refused -> out.println(speech.say(refused.reason()));
        }
    }

    private void transfer(String[] words) {
        String what = arg(words, 1, "transfer send, receive or cancel?").toLowerCase(Locale.ROOT);
        switch (what) {
            case "send" -> {
                String store = arg(words, 2, "transfer send needs the store it goes to");
                switch (desk.sendTransfer().send(store, entries(words, 3, false), counter.cashier())) {
                    case SendTransfer.Sent sent -> {
                        out.println(speech.say(sent.message()));
                        out.println("slip " + sent.slipCode());
                    }
                    case SendTransfer.Refused refused -> out.println(speech.say(refused.reason()));
                }
            }
            case "receive" -> {
                String slip = arg(words, 2, "transfer receive needs the slip's code");
                switch (desk.receiveTransfer().receive(slip, entries(words, 3, false), counter.cashier())) {
                    case ReceiveTransfer.Received done -> out.println(speech.say(done.message()));
                    case ReceiveTransfer.Refused refused -> out.println(speech.say(refused.reason()));
                }
            }
            case "cancel" -> {
                String slip = arg(words, 2, "transfer cancel needs the slip's code");
                String reason = words.length > 3 ? String.join(" ", Arrays.asList(words).subList(3, words.length)) : null;
                switch (desk.cancelTransfer().cancel(slip, counter.cashier(), reason)) {
                    case CancelTransfer.Cancelled done -> out.println(speech.say(done.message()));
                    case CancelTransfer.Refused refused -> out.println(speech.say(refused.reason()));
                }
            }
            default -> throw new IllegalArgumentException("transfer send, receive or cancel, not '" + what + "'");
        }
    }

    private void transfers() {
        StoreId here = ledger.identity().orElseThrow().storeId();
        List<Transfer> open = ledger.read(s -> desk.transfers().inTransit(s, here));
        if (open.isEmpty()) {
            out.println("nothing in transit to or from store " + here);
        }
        for (Transfer t : open) {
            out.printf("  %s  %s -> %s  %s%n", t.slipCode(), t.fromStore(), t.toStore(),
                    t.lines().stream().map(l -> l.sku() + " x " + qty(l.sentMilli())).toList());
        }
    }

    private void stock(String code) {
        StoreId here = ledger.identity().orElseThrow().storeId();
        Optional<Product> product = ledger.read(s -> counter.catalog().findByCode(s, code, counter.clock().instant()));
        Sku sku = product.map(Product::sku).orElseThrow(() -> new IllegalArgumentException("no product with code " + code));
        long[] figures = ledger.read(s -> new long[] {desk.stock().quantityMilli(s, sku),
                desk.transfers().incomingMilli(s, here, sku), desk.transfers().outgoingMilli(s, here, sku)});
        out.printf("%s %s: on hand %s, on the way here %s, sent and not yet arrived %s%n", sku, product.get().nameZh(),
                qty(figures[0]), qty(figures[1]), qty(figures[2]));
    }

    /** {@code code:qty:...} words from {@code from} on; with {@code noted} the third part is what the note says. */
    private static List<StockEntry> entries(String[] words, int from, boolean noted) {
        List<StockEntry> entries = new ArrayList<>();
        for (int i = from; i < words.length; i++) {
            String[] parts = words[i].split(":", -1);
            String quantity = parts.length > 1 ? parts[1] : "1";
            if (noted) {
                entries.add(new StockEntry(parts[0], quantity, parts.length > 2 ? parts[2] : null, parts.length > 3 ? parts[3] : null));
            } else {
                entries.add(new StockEntry(parts[0], quantity, null, parts.length > 2 ? parts[2] : null));
            }
        }
        return entries;
    }

    private static String dash(String word) {
        return "-".equals(word) ? null : word;
    }

    private static String qty(long milli) {
        return BigDecimal.valueOf(milli, 3).stripTrailingZeros().toPlainString();
    }
}
