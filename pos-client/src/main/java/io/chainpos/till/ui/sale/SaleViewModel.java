package io.chainpos.till.ui.sale;

import io.chainpos.model.pricing.PricedLine;
import io.chainpos.model.pricing.PricedSale;
import io.chainpos.till.TillMessage;
import io.chainpos.till.catalog.Product;
import io.chainpos.till.loyalty.MemberAccounts.MemberAccount;
import io.chainpos.till.member.Member;
import io.chainpos.till.sale.SaleSession;
import io.chainpos.till.staff.StaffMember;
import io.chainpos.till.sync.SyncStatus;
import io.chainpos.till.ui.Amounts;
import io.chainpos.till.ui.DialogService;
import io.chainpos.till.ui.DialogService.Choice;
import io.chainpos.till.ui.Notice;
import io.chainpos.till.ui.Tasks;
import io.chainpos.till.ui.TillUseCases;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The sale being rung up at this counter, as the sale screen shows it: the scan field, the cart, the totals, the
 * member and the promotions applied, and the one line telling the cashier what just happened. Every change goes
 * through the cashier's {@link SaleSession} on the counter thread; answers come back here on the screen's thread.
 * Line edits, hold/recall and void are in {@link CartActions}; the other screens open from {@link SaleScreens}.
 */
public final class SaleViewModel {
    /** "3*6901234567892" or "0.5*200001": a quantity typed before the code. */
    private static final Pattern QUANTITY_FIRST = Pattern.compile("(\\d+(?:\\.\\d{1,3})?)\\s*[*xX×]\\s*(\\S+)");
    private static final int SEARCH_LIMIT = 30;

    private final TillUseCases till;
    private final SaleSession session;
    private final Tasks tasks;
    private final DialogService dialogs;
    private final StaffMember cashier;
    private final CartActions actions;
    private final SaleScreens screens;
    private final StatusViewModel status;

    private final StringProperty scanText = new SimpleStringProperty("");
    private final ObservableList<CartRow> lines = FXCollections.observableArrayList();
    private final ObservableList<PromotionRow> promotions = FXCollections.observableArrayList();
    private final LongProperty subtotal = new SimpleLongProperty();
    private final LongProperty discount = new SimpleLongProperty();
    private final LongProperty total = new SimpleLongProperty();
    private final IntegerProperty selectedLine = new SimpleIntegerProperty();
    private final ObjectProperty<MemberAccount> member = new SimpleObjectProperty<>();
    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>();
    private final ObjectProperty<LastSale> lastSale = new SimpleObjectProperty<>();

    /** What the sale screen asks of the app around it. */
    public interface Host {
        void signOut();

        void toggleLanguage();

        /** Opens the settings (after a manager's PIN). */
        void openSettings();
    }

    public SaleViewModel(TillUseCases till, StaffMember cashier, StatusViewModel status, Tasks tasks, DialogService dialogs,
                         Host host) {
        this.till = till;
        this.cashier = cashier;
        this.session = till.saleSessions().apply(cashier.staffId());
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.status = status;
        this.actions = new CartActions(this, session, till, tasks, dialogs);
        this.screens = new SaleScreens(this, session, till, tasks, dialogs, host);
        // A failed sync said in place is history once a round goes through again: the line does not outlive it.
        status.syncProperty().addListener((o, was, now) -> {
            Notice shown = notice.get();
            if (now != null && now.connection() == SyncStatus.Connection.ONLINE && now.problem() == null
                    && shown != null && SaleScreens.SYNC_FAILED.equals(shown.key())) {
                notice.set(null);
            }
        });
    }

    public StringProperty scanTextProperty() {
        return scanText;
    }

    public ObservableList<CartRow> lines() {
        return lines;
    }

    public ObservableList<PromotionRow> promotions() {
        return promotions;
    }

    public LongProperty subtotalProperty() {
        return subtotal;
    }

    public LongProperty discountProperty() {
        return discount;
    }

    public LongProperty totalProperty() {
        return total;
    }

    /** The line number of the selected cart line (the last one rung up), 0 for none. */
    public IntegerProperty selectedLineProperty() {
        return selectedLine;
    }

    public ObjectProperty<MemberAccount> memberProperty() {
        return member;
    }

    public ObjectProperty<Notice> noticeProperty() {
        return notice;
    }

    public ObjectProperty<LastSale> lastSaleProperty() {
        return lastSale;
    }

    public StatusViewModel status() {
        return status;
    }

    public CartActions actions() {
        return actions;
    }

    public SaleScreens screens() {
        return screens;
    }

    public StaffMember cashier() {
        return cashier;
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    /**
     * The sale screen is on screen: the product names are read in the background from now on, so the first search by
     * name answers at once (asked from the counter thread, where the till's use-cases run).
     */
    public void shown() {
        tasks.counter(() -> {
            till.products().readAhead();
            return Boolean.TRUE;
        }, asked -> { }, this::tell);
    }

    /** Enter in the scan field: what the cashier typed there is rung up like a scan (a name is searched). */
    public void submitScanField() {
        String text = scanText.get() == null ? "" : scanText.get().strip();
        scanText.set("");
        if (!text.isEmpty()) {
            ring(text);
        }
    }

    /** A scanner read {@code code} while the sale screen was on top, whatever had the focus. */
    public void scanned(String code) {
        ring(code.strip());
    }

    private void ring(String text) {
        String code = text;
        long qtyMilli = 1000;
        Matcher quantityFirst = QUANTITY_FIRST.matcher(text);
        if (quantityFirst.matches()) {
            OptionalLong qty = Amounts.parseQuantity(quantityFirst.group(1));
            if (qty.isEmpty()) {
                tell(Notice.error("sale.badQuantity", quantityFirst.group(1)));
                return;
            }
            qtyMilli = qty.getAsLong();
            code = quantityFirst.group(2);
        }
        String lookFor = code;
        long qty = qtyMilli;
        tasks.counter(() -> {
            SaleSession.Outcome outcome = session.scan(lookFor, qty);
            if (outcome instanceof SaleSession.Refused && looksLikeAName(lookFor)) {
                return new Rung(outcome, till.products().byName(lookFor, SEARCH_LIMIT), lookFor, qty);
            }
            return new Rung(outcome, List.of(), lookFor, qty);
        }, rung -> {
            if (rung.matches().isEmpty()) {
                show(rung.outcome());
            } else {
                choose(rung);
            }
        }, this::tell);
    }

    /** A scan that found nothing but reads like a name: the products named so, to pick from. */
    private record Rung(SaleSession.Outcome outcome, List<Product> matches, String text, long qtyMilli) {
    }

    private void choose(Rung rung) {
        if (rung.matches().size() == 1) {
            add(rung.matches().getFirst(), rung.qtyMilli());
            return;
        }
        List<Choice<Product>> choices = rung.matches().stream()
                .map(p -> new Choice<>(p.nameZh() + "   " + Amounts.money(p.price()) + (p.weighed() ? "/kg" : "")
                        + "   " + p.sku(), p))
                .toList();
        dialogs.choose(Notice.info("search.title", rung.text()), choices)
                .thenAccept(chosen -> chosen.ifPresent(product -> add(product, rung.qtyMilli())));
    }

    /** Searches the catalog by name and rings up the product chosen (Ctrl+F). */
    public void searchProducts() {
        dialogs.ask(new DialogService.Question(Notice.info("search.ask"), Notice.info("search.prompt"),
                DialogService.Question.Kind.TEXT, "")).thenAccept(text -> text.filter(t -> !t.isBlank()).ifPresent(t ->
                tasks.counter(() -> till.products().byName(t, SEARCH_LIMIT), found -> {
                    if (found.isEmpty()) {
                        tell(Notice.error("search.none", t));
                    } else {
                        choose(new Rung(null, found, t, 1000));
                    }
                }, this::tell)));
    }

    private void add(Product product, long qtyMilli) {
        tasks.counter(() -> session.add(product, qtyMilli), this::show, this::tell);
    }

    /** Shows what the session answered; for a change, reads the member's balances on the counter thread first. */
    void show(SaleSession.Outcome outcome) {
        switch (outcome) {
            case SaleSession.Updated updated -> {
                Member onSale = updated.cart().member();
                MemberAccount known = member.get();
                boolean sameMember = onSale == null ? known == null
                        : known != null && known.member().memberId().equals(onSale.memberId());
                if (sameMember) {
                    apply(updated, known);
                } else {
                    tasks.counter(() -> onSale == null ? null : till.memberAccounts().account(onSale),
                            account -> apply(updated, account), this::tell);
                }
            }
            case SaleSession.Refused refused -> tell(Notice.refused(refused.reason()));
            case SaleSession.Paid paid -> throw new IllegalStateException("paying goes through the payment screen");
        }
    }

    private void apply(SaleSession.Updated updated, MemberAccount account) {
        PricedSale priced = updated.cart().priced();
        Rows.update(lines, priced.lines().stream().map(CartRow::of).toList());
        List<PromotionRow> applied = new java.util.ArrayList<>();
        priced.lines().forEach(line -> line.promotions().forEach(p -> applied.add(new PromotionRow(p.name() + " · "
                + line.name(), p.amount()))));
        priced.orderPromotions().forEach(p -> applied.add(new PromotionRow(p.name(), p.amount())));
        Rows.update(promotions, applied);
        subtotal.set(priced.subtotal());
        discount.set(priced.discountTotal());
        total.set(priced.total());
        member.set(account);
        TillMessage note = updated.note();
        Optional<PricedLine> added = note != null && note.code() == TillMessage.Code.LINE_ADDED
                ? priced.lines().stream().filter(l -> l.lineNo() == (int) note.arg(1)).findFirst() : Optional.empty();
        if (added.isPresent()) {
            selectedLine.set(added.get().lineNo());
            long saleTotal = priced.total();
            PricedLine line = added.get();
            tasks.counter(() -> {
                till.display().showItem(line.name(), line.total(), saleTotal, "CNY");
                return null;
            }, done -> { }, this::tell);
            tell(Notice.success("sale.added", line.name(), Amounts.quantity(line.qtyMilli()), Amounts.money(line.total())));
        } else {
            if (lines.stream().noneMatch(row -> row.lineNo() == selectedLine.get())) {
                selectedLine.set(lines.isEmpty() ? 0 : lines.getLast().lineNo());
            }
            if (note != null) {
                tell(Notice.said(Notice.Level.INFO, note));
            }
        }
    }

    /** The sale was paid in the payment screen: the cart is empty again, the receipt is printing. */
    void paid(LastSale sale) {
        lastSale.set(sale);
        lines.clear();
        promotions.clear();
        subtotal.set(0);
        discount.set(0);
        total.set(0);
        member.set(null);
        selectedLine.set(0);
        tell(Notice.success("sale.paid", sale.receiptNo(), Amounts.money(sale.change())));
    }

    /** A member's balances changed (a top-up): the member panel shows them if that member is on the sale. */
    void balanceChanged(MemberAccount account) {
        MemberAccount onSale = member.get();
        if (onSale != null && onSale.member().memberId().equals(account.member().memberId())) {
            member.set(account);
        }
    }

    /** Reads the cart again from the session (after a screen over the sale closed). */
    void refresh() {
        tasks.counter(() -> new SaleSession.Updated(session.quote(), null), this::show, this::tell);
    }

    void tell(Notice line) {
        notice.set(line);
    }

    Optional<CartRow> selected() {
        return lines.stream().filter(row -> row.lineNo() == selectedLine.get()).findFirst();
    }

    private static boolean looksLikeAName(String text) {
        return text.codePoints().anyMatch(Character::isLetter) && !text.startsWith("CPM1:");
    }
}
