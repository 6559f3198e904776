package io.chainpos.till.cli;

import io.chainpos.model.event.SaleLine;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.money.Money;
import io.chainpos.till.loyalty.BalanceStore;
import io.chainpos.till.member.Member;
import io.chainpos.till.member.MemberStore;
import io.chainpos.till.member.RegisterMember;
import io.chainpos.till.sale.Checkout;
import io.chainpos.till.sync.SyncAgent;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.model.id.CardNo;
import io.chainpos.model.member.MemberCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A till driven by typed commands, for the demo and for a counter without screens yet: ring up, put a
 * member on the sale, take tenders, sync. One line per command; every refusal is a sentence, never a trace.
 */
public final class CommandLineTill {
    private static final String HELP = """
            scan <code> [qty]         add a product by barcode or SKU (qty: pieces, or kg for weighed goods)
            member <phone|card>       put a member on the sale
            register <phone> <name>   register a new member and put them on the sale
            cart                      show the sale
            pay <method> <amount> [reference]
                                      add a tender: cash, card, wallet, points, stored; the sale completes
                                      when the tenders cover the total
            void                      clear the sale
            sync                      sync with the server now
            status                    sync status and events waiting
            quit""";
    private static final String NO_DEVICES = "this till runs without counter hardware";

    private final Ledger ledger;
    private final Checkout checkout;
    private final RegisterMember registerMember;
    private final MemberStore members;
    private final BalanceStore balances;
    private final SyncAgent agent;
    private final String cashier;
    private final PrintStream out;
    private final DeviceCommands devices;

    private final List<Checkout.LineRequest> lines = new ArrayList<>();
    private final List<Tender> tenders = new ArrayList<>();
    private Member member;

    public CommandLineTill(Ledger ledger, Checkout checkout, RegisterMember registerMember, MemberStore members,
                           BalanceStore balances, SyncAgent agent, String cashier, PrintStream out) {
        this(ledger, checkout, registerMember, members, balances, agent, cashier, out, null);
    }

    /** With the counter hardware; {@code devices} null runs without it. */
    public CommandLineTill(Ledger ledger, Checkout checkout, RegisterMember registerMember, MemberStore members,
                           BalanceStore balances, SyncAgent agent, String cashier, PrintStream out,
                           DeviceCommands devices) {
        this.devices = devices;
        this.ledger = ledger;
        this.checkout = checkout;
        this.registerMember = registerMember;
        this.members = members;
        this.balances = balances;
        this.agent = agent;
        this.cashier = cashier;
        this.out = out;
    }

    public void run(BufferedReader in) throws IOException {
        out.println("ChainPOS till " + ledger.identity().map(i -> i.tillId() + " of store " + i.storeId()).orElse("?")
                + ". Type 'help' for commands.");
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
     * A code from a scanner, on the scanner's thread: a member's QR code puts the member on the sale, any other
     * code is rung up. A keyboard scanner typing into the terminal arrives here too, as a line holding only a code.
     */
    public synchronized void scanned(String code) {
        if (MemberCode.looksLikeMemberCode(code)) {
            Optional<CardNo> card = MemberCode.decode(code);
            if (card.isEmpty()) {
                out.println("that member code is damaged or not from this chain; ask for the phone number");
                return;
            }
            findMember(new String[] {"member", card.get().value()});
            return;
        }
        handle("scan " + code);
    }

    /** Runs one command; false when the cashier quits. */
    synchronized boolean handle(String line) {
        if (line.isEmpty()) {
            return true;
        }
        String[] words = line.split("\\s+", 3);
        try {
            switch (words[0].toLowerCase(Locale.ROOT)) {
                case "help", "?" -> out.println(devices == null ? HELP : HELP + "\n" + DeviceCommands.HELP);
                case "reprint" -> withDevices().reprint(words);
                case "nosale" -> withDevices().noSale(words);
                case "card" -> memberCard(words);
                case "printer" -> withDevices().printerStatus();
                case "scan" -> scan(words);
                case "member" -> findMember(words);
                case "register" -> register(words);
                case "cart" -> showCart();
                case "pay" -> pay(line.split("\\s+"));
                case "void" -> {
                    clear();
                    if (devices != null) {
                        devices.saleCleared();
                    }
                    out.println("sale cleared");
                }
                case "sync" -> sync();
                case "status" -> out.println(agent == null ? "not linked to a server" : agent.status());
                case "quit", "exit" -> {
                    return false;
                }
                default -> {
                    if (words.length == 1 && looksScanned(words[0])) {
                        scanned(words[0]);
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

    private void scan(String[] words) {
        if (words.length < 2) {
            throw new IllegalArgumentException("scan needs a code");
        }
        long qtyMilli = words.length > 2 ? milli(words[2]) : 1000;
        List<Checkout.LineRequest> candidate = new ArrayList<>(lines);
        candidate.add(new Checkout.LineRequest(words[1], qtyMilli));
        switch (checkout.quote(candidate, memberId())) {
            case Checkout.Rejected rejected -> out.println(rejected.reason());
            case Checkout.Quote quote -> {
                lines.add(candidate.getLast());
                SaleLine added = quote.lines().getLast();
                if (devices != null) {
                    devices.itemAdded(added, quote.total(), "CNY");
                }
                out.printf("%s x %s = %s   total %s%n", added.name(), qty(added.qtyMilli()),
                        yuan(added.total()), yuan(quote.total()));
            }
        }
    }

    private void findMember(String[] words) {
        if (words.length < 2) {
            throw new IllegalArgumentException("member needs a phone or card number");
        }
        Optional<Member> found = lookUp(words[1]);
        if (found.isEmpty()) {
            out.println("no member with phone or card " + words[1]);
            return;
        }
        member = found.get();
        showMember();
    }

    private Optional<Member> lookUp(String phoneOrCard) {
        return ledger.read(s -> {
            List<Member> byPhone = members.findByPhone(s, phoneOrCard);
            return byPhone.isEmpty() ? cardNo(phoneOrCard).flatMap(card -> members.findByCard(s, card)) : Optional.of(byPhone.getFirst());
        });
    }

    private void memberCard(String[] words) {
        DeviceCommands hardware = withDevices();
        if (words.length < 2) {
            throw new IllegalArgumentException("card needs a phone or card number");
        }
        lookUp(words[1]).ifPresentOrElse(hardware::memberCard,
                () -> out.println("no member with phone or card " + words[1]));
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
        switch (registerMember.register(new RegisterMember.Request(words[1], words[2], null, null, false))) {
            case RegisterMember.Registered registered -> {
                member = registered.member();
                out.println("registered, card " + member.cardNo());
            }
            case RegisterMember.AlreadyMember already -> {
                member = already.member();
                out.println("already a member");
                showMember();
            }
            case RegisterMember.Invalid invalid -> out.println(invalid.reason());
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
            default -> throw new IllegalArgumentException("tender methods: cash, card, wallet, points, stored");
        };
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("ring up the sale before paying");
        }
        long amount = amount(words[2]);
        if (!(checkout.quote(lines, memberId()) instanceof Checkout.Quote quote)) {
            throw new IllegalArgumentException("the sale cannot be priced; check its lines with 'cart'");
        }
        tenders.add(new Tender(method, amount, words.length > 3 ? words[3] : null));
        long tendered = tenders.stream().mapToLong(Tender::amount).sum();
        if (tendered < quote.total()) {
            out.println("tendered " + yuan(tendered) + ", still due " + yuan(quote.total() - tendered));
            return;
        }
        switch (checkout.complete(new Checkout.Request(lines, memberId(), tenders, cashier))) {
            case Checkout.Completed done -> {
                if (devices != null) {
                    devices.salePaid(done.sale());
                }
                out.printf("receipt %s  total %s  change %s%n", done.sale().receiptNo(), yuan(done.sale().total()),
                        yuan(done.sale().change()));
                if (member != null) {
                    long points = ledger.read(s -> balances.points(s, member.memberId()));
                    out.printf("points earned %d, balance %d%n", done.pointsEarned(), points);
                }
                clear();
            }
            case Checkout.Rejected rejected -> {
                tenders.removeLast();
                out.println(rejected.reason());
            }
        }
    }

    private void showCart() {
        if (lines.isEmpty()) {
            out.println("the sale is empty");
            return;
        }
        if (checkout.quote(lines, memberId()) instanceof Checkout.Quote quote) {
            quote.lines().forEach(l -> out.printf("  %-24s %8s %10s%n", l.name(), qty(l.qtyMilli()), yuan(l.total())));
            out.printf("  discount %s   total %s%n", yuan(quote.discountTotal()), yuan(quote.total()));
        }
        if (member != null) {
            showMember();
        }
    }

    private void showMember() {
        long points = ledger.read(s -> balances.points(s, member.memberId()));
        long stored = ledger.read(s -> balances.storedValue(s, member.memberId()));
        out.printf("member %s  card %s  tier %s  points %d  stored value %s%n", member.name(), member.cardNo(),
                member.tierCode(), points, yuan(stored));
    }

    private void sync() {
        if (agent == null) {
            out.println("not linked to a server");
            return;
        }
        try {
            SyncAgent.Round round = agent.syncOnce();
            out.println("sent " + round.pushed() + ", received " + round.pulled() + ", waiting " + ledger.pendingCount());
        } catch (IOException | RuntimeException e) {
            out.println("sync failed: " + e.getMessage() + " (the sale data is safe; the till retries by itself)");
        }
    }

    private void clear() {
        lines.clear();
        tenders.clear();
        member = null;
    }

    private void prompt() {
        out.print("> ");
        out.flush();
    }

    private io.chainpos.model.id.MemberId memberId() {
        return member == null ? null : member.memberId();
    }

    private static boolean looksScanned(String word) {
        return MemberCode.looksLikeMemberCode(word) || word.matches("\\d{6,}");
    }

    private static Optional<CardNo> cardNo(String text) {
        try {
            return Optional.of(new CardNo(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static long milli(String quantity) {
        try {
            return new BigDecimal(quantity).movePointRight(3).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("not a quantity: " + quantity);
        }
    }

    private static long amount(String text) {
        try {
            return Money.parse(text, Money.CNY).minor();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an amount: " + text);
        }
    }

    private static String qty(long milli) {
        return BigDecimal.valueOf(milli, 3).stripTrailingZeros().toPlainString();
    }

    private static String yuan(long fen) {
        return "¥" + Money.cny(fen).toDecimalString();
    }
}
