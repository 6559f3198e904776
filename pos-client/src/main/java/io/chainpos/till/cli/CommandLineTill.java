package io.chainpos.till.cli;

import static io.chainpos.till.cli.Text.amount;
import static io.chainpos.till.cli.Text.milli;
import static io.chainpos.till.cli.Text.qty;
import static io.chainpos.till.cli.Text.yuan;

import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.id.CardNo;
import io.chainpos.model.member.MemberCode;
import io.chainpos.model.pricing.PricedLine;
import io.chainpos.till.TillMessage;
import io.chainpos.till.TillWords;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.member.Member;
import io.chainpos.till.member.RegisterMember;
import io.chainpos.till.sale.SaleSession;
import io.chainpos.till.sync.SyncAgent;
import io.chainpos.till.sync.SyncStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A till driven by typed commands, for the demo and for a counter without screens yet: ring up, put a
 * member on the sale, take tenders, refunds, shifts, sync. One line per command; every refusal is a
 * sentence, never a trace. Selling commands are here; shifts, refunds, staff and import are in
 * {@link BackOfficeCommands}.
 */
public final class CommandLineTill {
    /** The till sells in yuan; the checkout records every sale in CNY. */
    private static final String CURRENCY = "CNY";
    private static final String HELP = """
            scan <code> [qty]         add a product by barcode, scale label or SKU (qty: pieces, or kg);
                                      a member card or member QR puts the member on the sale
            find <text>               search products by part of the name or pinyin initials (kkkl)
            qty <line> <qty>          change a line's quantity        remove <line>   remove a line
            price <line> <yuan> <manager PIN>         override a line's unit price
            discount <line> <yuan> [manager PIN]      take money off a line (a PIN past the cashier's limit)
            coupon <code>             use a coupon code
            member <phone|card>       put a member on the sale
            register <phone> <name>   register a new member and put them on the sale
            cart                      show the sale
            pay <method> <amount> [reference]
                                      add a tender: cash, card, wallet (reference needed), points, stored,
                                      coupon (code as reference); the sale completes when tenders cover it
            void [manager PIN] [reason]   abandon the sale (a PIN when it has lines)
            hold | held | recall <n>  park the sale, list parked ones, take one back
            shift open <float> | shift in|out <yuan> <reason> | shift x | shift close <counted cash>
            refund <receipt> [<sku> <qty>]...         give back a receipt's products (all that is left if none named)
            return <manager PIN> <code> <qty> <reason>  give back a product without a receipt, in cash
            staff <id> <name> <cashier|manager|owner> <PIN> [owner PIN]   set up a staff account
            import <file.csv>         import the store's own products
            history <phone|card|qr>   the member's history (server, or this till's own when offline)
            erase <phone|card> <owner PIN>   erase the member's personal data (points and sales stay)
            import members <file.csv> import members: phone,name,gender,birthday,consent_marketing,card_no
            sync                      sync with the server now
            status                    sync status and events waiting
            quit""";
    private static final String NO_DEVICES = "this till runs without counter hardware";

    private final Ledger ledger;
    private final Counter counter;
    private final SaleSession sale;
    private final BackOfficeCommands backOffice;
    private final MemberCommands memberCommands;
    private final LoyaltyCommands loyalty;
    private final StockCommands stock;
    private final StocktakeCommands stocktake;
    private final SyncAgent agent;
    private final PrintStream out;
    private final DeviceCommands devices;
    private BackupCommands backups;
    private final TillWords speech;

    public CommandLineTill(Ledger ledger, Counter counter, SyncAgent agent, PrintStream out, TillWords speech) {
        this(ledger, counter, agent, out, null, speech);
    }

    /**
     * With the counter hardware (printer, drawer, display, scanners); {@code devices} null runs without it.
     * {@code speech} puts what the use-cases say into the till's language.
     */
    public CommandLineTill(Ledger ledger, Counter counter, SyncAgent agent, PrintStream out, DeviceCommands devices,
                           TillWords speech) {
        this.ledger = ledger;
        this.counter = counter;
        this.sale = counter.sale();
        this.speech = speech;
        this.backOffice = new BackOfficeCommands(counter, out, devices, speech);
        this.memberCommands = new MemberCommands(counter.memberDesk(), out, speech);
        this.loyalty = new LoyaltyCommands(counter.loyalty(), this::lookUp, counter.cashier(), out, speech);
        this.stock = new StockCommands(ledger, counter, out, speech);
        this.stocktake = new StocktakeCommands(ledger, counter, out, speech);
        this.agent = agent;
        this.out = out;
        this.devices = devices;
    }

    /** Adds the {@code backup} commands. */
    public CommandLineTill withBackups(BackupCommands commands) {
        this.backups = commands;
        return this;
    }

    public void run(BufferedReader in) throws IOException {
        out.println("ChainPOS till " + ledger.identity().map(i -> i.tillId() + " of store " + i.storeId()).orElse("?")
                + ". Type 'help' for commands.");
        if (counter.shifts().xReport().isEmpty()) {
            out.println("no shift is open: start one with 'shift open <float>' before selling");
        }
        prompt();
        String line;
        while ((line = in.readLine()) != null) {
            if (!handle(line.strip())) {
                return;
            }
            prompt();
        }
    }

    /**
     * A code from a scanner, on the scanner's thread: rung up as if typed after {@code scan} (a member's code puts
     * the member on the sale). A keyboard scanner typing into the terminal arrives as a line holding only a code.
     */
    public synchronized void scanned(String code) {
        handle("scan " + code);
    }

    /** Runs one command; false when the cashier quits. */
    synchronized boolean handle(String line) {
        if (line.isEmpty()) {
            return true;
        }
        String[] words = line.split("\\s+");
        try {
            switch (words[0].toLowerCase(Locale.ROOT)) {
                case "help", "?" -> out.println(HELP + "\n" + LoyaltyCommands.HELP + "\n" + StockCommands.HELP + "\n" + StocktakeCommands.HELP + (devices == null ? "" : "\n" + DeviceCommands.HELP)
                        + (backups == null ? "" : "\n" + BackupCommands.HELP));
                case "backup" -> {
                    if (backups == null) {
                        throw new IllegalArgumentException("this till has no backups set up");
                    }
                    backups.handle(words);
                }
                case "reprint" -> withDevices().reprint(words);
                case "nosale" -> withDevices().noSale(words);
                case "card" -> memberCard(words);
                case "printer" -> withDevices().printerStatus();
                case "scan" -> scan(words);
                case "find" -> find(line);
                case "qty" -> show(sale.changeQuantity(lineNo(words, 3), milli(words[2])));
                case "remove" -> show(sale.removeLine(lineNo(words, 2)));
                case "price" -> show(sale.overridePrice(lineNo(words, 4), amount(words[2]), words[3]));
                case "discount" -> show(sale.discountLine(lineNo(words, 3), amount(words[2]), words.length > 3 ? words[3] : null));
                case "coupon" -> show(sale.addCoupon(arg(words, 1, "coupon needs a code")));
                case "member" -> findMember(arg(words, 1, "member needs a phone or card number"));
                case "register" -> register(words);
                case "cart" -> showCart();
                case "pay" -> pay(words);
                case "void" -> {
                    show(sale.voidSale(words.length > 1 ? words[1] : null,
                            words.length > 2 ? String.join(" ", List.of(words).subList(2, words.length)) : "voided at the counter"));
                    if (devices != null && sale.isEmpty()) {
                        devices.saleCleared();
                    }
                }
                case "hold" -> show(sale.hold());
                case "held" -> sale.heldSales().forEach(h -> out.printf("  #%d  %s  %s%n", h.holdNo(), h.heldAt(), h.summary()));
                case "recall" -> show(sale.recall(lineNo(words, 2)));
                case "history" -> memberCommands.history(words);
                case "erase" -> memberCommands.erase(words, counter.cashier());
                case "import" -> {
                    if (words.length > 1 && words[1].equalsIgnoreCase("members")) {
                        memberCommands.importMembers(words);
                    } else {
                        backOffice.handle(words);
                    }
                }
                case "shift", "refund", "return", "staff" -> backOffice.handle(words);
                case "topup", "rewards", "reward", "expiring" -> loyalty.handle(words);
                case "receive", "transfer", "transfers", "stock" -> stock.handle(words);
                case "stocktake" -> stocktake.handle(words);
                case "sync" -> sync();
                case "status" -> out.println(agent == null ? "not linked to a server" : statusLine(agent.status()));
                case "quit", "exit" -> {
                    return false;
                }
                default -> {
                    if (words.length == 1 && looksScanned(words[0])) {
                        scan(new String[] {"scan", words[0]});
                    } else {
                        out.println("unknown command '" + words[0] + "'; type 'help'");
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
        }
        return true;
    }

    /** The sync state as the cashier reads it: its last problem in the till's words, never a record's toString. */
    private String statusLine(io.chainpos.till.sync.SyncStatus status) {
        return status.connection().name().toLowerCase(Locale.ROOT) + ", " + status.waiting() + " waiting"
                + (status.lastSyncedAt() == null ? "" : ", last synced " + status.lastSyncedAt())
                + (status.problem() == null ? "" : ": " + speech.say(status.problem()));
    }

    private void scan(String[] words) {
        String code = arg(words, 1, "scan needs a code");
        long qtyMilli = words.length > 2 ? milli(words[2]) : 1000;
        switch (sale.scan(code, qtyMilli)) {
            case SaleSession.Updated updated when updated.note().code() == TillMessage.Code.MEMBER_ON_SALE ->
                    showMember(updated.cart().member());
            case SaleSession.Updated updated -> {
                PricedLine added = updated.cart().priced().lines().stream()
                        .filter(l -> l.lineNo() == (int) updated.note().arg(1)).findFirst().orElseThrow();
                out.printf("%s x %s = %s   total %s%n", added.name(), qty(added.qtyMilli()), yuan(added.total()),
                        yuan(updated.cart().priced().total()));
                if (devices != null) {
                    devices.itemAdded(added.name(), added.total(), updated.cart().priced().total(), CURRENCY);
                }
            }
            case SaleSession.Refused refused -> out.println(speech.say(refused.reason()));
            case SaleSession.Paid paid -> throw new IllegalStateException("a scan never pays");
        }
    }

    private void find(String line) {
        String text = line.substring(4).strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("find needs part of a product's name");
        }
        var found = ledger.read(s -> counter.catalog().search(s, text, counter.clock().instant(), 10));
        if (found.isEmpty()) {
            out.println("no product named like '" + text + "'");
        }
        found.forEach(p -> out.printf("  %-10s %-24s %10s%s%n", p.sku(), p.nameZh(), yuan(p.price()), p.weighed() ? "/kg" : ""));
    }

    private void findMember(String key) {
        Optional<Member> found = lookUp(key);
        if (found.isEmpty()) {
            return;
        }
        sale.setMember(found.get());
        showMember(found.get());
    }

    /** Phone, card or member QR: a code whose check fails is refused (MemberCommands says why). */
    private Optional<Member> lookUp(String phoneCardOrQr) {
        return memberCommands.find(phoneCardOrQr);
    }

    private void memberCard(String[] words) {
        DeviceCommands hardware = withDevices();
        String key = arg(words, 1, "card needs a phone or card number");
        lookUp(key).ifPresent(hardware::memberCard);
    }

    private DeviceCommands withDevices() {
        if (devices == null) {
            throw new IllegalArgumentException(NO_DEVICES);
        }
        return devices;
    }

    private void register(String[] words) {
        if (words.length < 3) {
            throw new IllegalArgumentException("register needs a phone and a name");
        }
        switch (counter.registerMember().register(new RegisterMember.Request(words[1], words[2], null, null, false))) {
            case RegisterMember.Registered registered -> {
                sale.setMember(registered.member());
                out.println("registered, card " + registered.member().cardNo());
            }
            case RegisterMember.AlreadyMember already -> {
                sale.setMember(already.member());
                out.println("already a member");
                showMember(already.member());
            }
            case RegisterMember.Invalid invalid -> out.println(speech.say(invalid.reason()));
            case RegisterMember.NotEnrolled notEnrolled -> out.println(speech.say(notEnrolled.reason()));
        }
    }

    private void pay(String[] words) {
        if (words.length < 3) {
            throw new IllegalArgumentException("pay needs a method and an amount, e.g. pay cash 50");
        }
        TenderMethod method = switch (words[1].toLowerCase(Locale.ROOT)) {
            case "cash" -> TenderMethod.CASH;
            case "card" -> TenderMethod.BANK_CARD;
            case "wallet" -> TenderMethod.MOBILE_WALLET;
            case "points" -> TenderMethod.POINTS;
            case "stored" -> TenderMethod.STORED_VALUE;
            case "coupon" -> TenderMethod.COUPON;
            default -> throw new IllegalArgumentException("tender methods: cash, card, wallet, points, stored, coupon");
        };
        Member member = sale.member();
        switch (sale.addTender(new Tender(method, amount(words[2]), words.length > 3 ? words[3] : null))) {
            case SaleSession.Updated updated -> out.println("tendered " + yuan(updated.cart().tenders().stream()
                    .mapToLong(Tender::amount).sum()) + ", still due " + yuan(updated.cart().due()));
            case SaleSession.Paid paid -> {
                SaleCompleted done = paid.sale().sale();
                if (devices != null) {
                    devices.salePaid(done);
                }
                out.printf("receipt %s  total %s  change %s%n", done.receiptNo(), yuan(done.total()), yuan(done.change()));
                if (member != null) {
                    long points = ledger.read(s -> counter.balances().points(s, member.memberId()));
                    out.printf("points earned %d, balance %d%n", paid.sale().pointsEarned(), points);
                    if (paid.sale().tierUpgrade() != null) {
                        out.println("the member moves up to " + paid.sale().tierUpgrade().toTier());
                    }
                }
            }
            case SaleSession.Refused refused -> out.println(speech.say(refused.reason()));
        }
    }

    private void showCart() {
        if (sale.isEmpty()) {
            out.println("the sale is empty");
            return;
        }
        SaleSession.CartView cart = sale.quote();
        Text.cart(out, cart);
        if (cart.member() != null) {
            showMember(cart.member());
        }
    }

    private void show(SaleSession.Outcome outcome) {
        switch (outcome) {
            case SaleSession.Updated updated -> {
                if (updated.note() != null) {
                    out.println(speech.say(updated.note()));
                }
                if (!sale.isEmpty()) {
                    Text.cart(out, updated.cart());
                }
            }
            case SaleSession.Refused refused -> out.println(speech.say(refused.reason()));
            case SaleSession.Paid paid -> out.println("receipt " + paid.sale().sale().receiptNo());
        }
    }

    private void showMember(Member member) {
        long points = ledger.read(s -> counter.balances().points(s, member.memberId()));
        io.chainpos.model.loyalty.StoredValue stored = ledger.read(s -> counter.balances().storedValueParts(s, member.memberId()));
        String tier = ledger.read(s -> counter.loyalty().store().tier(s, member.memberId())).orElse(member.tierCode());
        out.printf("member %s  card %s  tier %s  points %d  stored value %s (paid %s, bonus %s)%n", member.name(), member.cardNo(),
                tier, points, yuan(stored.balance()), yuan(stored.paid()), yuan(stored.bonus()));
    }

    private void sync() {
        if (agent == null) {
            out.println("not linked to a server");
            return;
        }
        try {
            SyncAgent.Round round = agent.syncOnce();
            out.println("sent " + round.pushed() + ", received " + round.pulled() + ", waiting " + ledger.syncMarks().pendingCount());
        } catch (IOException | RuntimeException e) {
            out.println("sync failed: " + speech.say(SyncStatus.problemOf(e)) + " (the sale data is safe; the till retries by itself)");
        }
    }

    private void prompt() {
        out.print("> ");
        out.flush();
    }

    static String arg(String[] words, int index, String missing) {
        if (words.length <= index) {
            throw new IllegalArgumentException(missing);
        }
        return words[index];
    }

    private static int lineNo(String[] words, int needed) {
        if (words.length < needed) {
            throw new IllegalArgumentException("'" + words[0] + "' needs " + (needed - 1) + " arguments; type 'help'");
        }
        try {
            return Integer.parseInt(words[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a line number: " + words[1]);
        }
    }

    /** A bare line a keyboard scanner could have typed: digits, or a member code. */
    private static boolean looksScanned(String word) {
        return MemberCode.looksLikeMemberCode(word) || word.matches("\\d{6,}");
    }

}
