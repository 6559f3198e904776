package io.chainpos.till.ui.payment;

import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.sale.Tendering;
import io.chainpos.till.loyalty.MemberAccounts.MemberAccount;
import io.chainpos.till.sale.SaleSession;
import io.chainpos.till.ui.Amounts;
import io.chainpos.till.ui.Notice;
import io.chainpos.till.ui.PanelModel;
import io.chainpos.till.ui.Tasks;
import io.chainpos.till.ui.TillUseCases;
import io.chainpos.till.ui.sale.LastSale;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.LongBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Taking the money (结账): one or more tenders (组合支付) until they cover the total, the amount typed on a keypad
 * or picked from quick amounts, change shown as it would be, and the sale committed in one go once the tenders
 * cover it. Enter adds the typed amount (the rest due when nothing is typed) to the cashier's {@link SaleSession},
 * which keeps the tenders, applies the tender rules and completes; after completion Enter closes. A refusal (points
 * short, a coupon used) keeps the earlier tenders and says why.
 */
public final class PaymentViewModel extends PanelModel {
    private final SaleSession session;
    private final TillUseCases till;
    private final Tasks tasks;
    private final long total;
    private final MemberAccount member;
    private final Consumer<LastSale> paid;

    private final ObjectProperty<TenderMethod> method = new SimpleObjectProperty<>(TenderMethod.CASH);
    private final StringProperty amount = new SimpleStringProperty("");
    private final StringProperty reference = new SimpleStringProperty("");
    private final ObservableList<Tender> tenders = FXCollections.observableArrayList();
    private final ObservableList<Long> quickAmounts = FXCollections.observableArrayList();
    private final BooleanProperty paying = new SimpleBooleanProperty();
    private final ObjectProperty<Done> done = new SimpleObjectProperty<>();
    private final LongBinding tendered;
    private final LongBinding due;
    private final LongBinding change;

    /** The sale as paid: what the cashier reads out and hands back. */
    public record Done(String receiptNo, long total, long change, long pointsEarned, Long pointsBalance) {
    }

    public PaymentViewModel(SaleSession session, TillUseCases till, Tasks tasks, long total, MemberAccount member,
                            Consumer<LastSale> paid) {
        this.session = session;
        this.till = till;
        this.tasks = tasks;
        this.total = total;
        this.member = member;
        this.paid = paid;
        this.tendered = Bindings.createLongBinding(() -> tenders.stream().mapToLong(Tender::amount).sum(), tenders);
        this.due = Bindings.createLongBinding(() -> Math.max(0, total - tendered.get()), tendered);
        this.change = Bindings.createLongBinding(this::changeNow, tenders, amount, method, reference, done);
        due.addListener((o, was, now) -> quickAmounts.setAll(QuickAmounts.forDue(now.longValue())));
        quickAmounts.setAll(QuickAmounts.forDue(total));
    }

    public long total() {
        return total;
    }

    /** The member on the sale (for points and stored value), or null. */
    public MemberAccount member() {
        return member;
    }

    public ObjectProperty<TenderMethod> methodProperty() {
        return method;
    }

    public StringProperty amountProperty() {
        return amount;
    }

    /** A card slip's or wallet payment's reference, a coupon's code. */
    public StringProperty referenceProperty() {
        return reference;
    }

    public ObservableList<Tender> tenders() {
        return tenders;
    }

    public ObservableList<Long> quickAmounts() {
        return quickAmounts;
    }

    public LongBinding tenderedBinding() {
        return tendered;
    }

    public LongBinding dueBinding() {
        return due;
    }

    /** The change to hand back: as it would be with the cash typed so far, then as the sale recorded it. */
    public LongBinding changeBinding() {
        return change;
    }

    public BooleanProperty payingProperty() {
        return paying;
    }

    public ObjectProperty<Done> doneProperty() {
        return done;
    }

    public void choose(TenderMethod newMethod) {
        if (done.get() == null) {
            method.set(newMethod);
            tell(null);
        }
    }

    /** A keypad key: a digit, "00" or ".". */
    public void key(String key) {
        if (done.get() == null) {
            amount.set(amount.get() + key);
        }
    }

    public void backspace() {
        String text = amount.get();
        amount.set(text.isEmpty() ? text : text.substring(0, text.length() - 1));
    }

    /** A quick amount (the exact rest, or the next round note): tendered at once. */
    public void quick(long fen) {
        amount.set(Amounts.yuan(fen));
        enter();
    }

    public void removeTender(int index) {
        if (done.get() == null && !paying.get() && index >= 0 && index < tenders.size()) {
            paying.set(true);
            tasks.counter(() -> session.removeTender(index), outcome -> {
                paying.set(false);
                answered(outcome);
            }, this::failed);
        }
    }

    /**
     * Enter: adds the typed amount (the rest due if none) in the chosen method; completes when covered; closes when
     * done. Whether a tender may be taken is the sale's decision ({@link SaleSession#addTender}), never this screen's.
     */
    public void enter() {
        if (done.get() != null) {
            close();
            return;
        }
        if (paying.get()) {
            return;
        }
        String typed = amount.get() == null ? "" : amount.get().strip();
        OptionalLong fen = typed.isEmpty() ? OptionalLong.of(due.get()) : Amounts.parseYuan(typed);
        if (fen.isEmpty()) {
            tell(Notice.error("amount.bad", typed));
            return;
        }
        String ref = reference.get() == null ? "" : reference.get().strip();
        Tender tender = new Tender(method.get(), fen.getAsLong(), ref.isEmpty() ? null : ref);
        boolean nothingDue = fen.getAsLong() == 0 && due.get() == 0;
        paying.set(true);
        tell(Notice.info("pay.recording"));
        tasks.counter(() -> {
            SaleSession.Outcome outcome = nothingDue ? session.complete() : session.addTender(tender);
            Long points = outcome instanceof SaleSession.Paid && member != null
                    ? till.memberAccounts().account(member.member()).points() : null;
            if (outcome instanceof SaleSession.Paid p) {
                long given = p.sale().sale().tenders().stream().mapToLong(Tender::amount).sum();
                till.display().showPaid(given, p.sale().sale().change(), p.sale().sale().currency());
            }
            return new Committed(outcome, points);
        }, committed -> {
            paying.set(false);
            if (!(committed.outcome() instanceof SaleSession.Refused)) {
                amount.set("");
                reference.set("");
            }
            if (committed.outcome() instanceof SaleSession.Paid p) {
                paid(p, committed.pointsBalance());
            } else {
                answered(committed.outcome());
            }
        }, this::failed);
    }

    /** Esc: back to the sale (the tenders taken are dropped, nothing was recorded), or close once paid. */
    public void cancel() {
        if (paying.get()) {
            return;
        }
        if (done.get() == null) {
            tasks.counter(() -> {
                session.clearTenders();
                return null;
            }, nothing -> { }, this::tell);
        }
        close();
    }

    private record Committed(SaleSession.Outcome outcome, Long pointsBalance) {
    }

    private void paid(SaleSession.Paid p, Long pointsBalance) {
        SaleCompleted sale = p.sale().sale();
        tenders.setAll(sale.tenders());
        done.set(new Done(sale.receiptNo().value(), sale.total(), sale.change(), p.sale().pointsEarned(), pointsBalance));
        tell(Notice.success("pay.done", sale.receiptNo().value()));
        paid.accept(new LastSale(sale.receiptNo().value(), sale.total(), sale.change(), p.sale().pointsEarned()));
    }

    /** The sale's answer to a tender added or taken off: the tenders as the sale holds them, and what to say. */
    private void answered(SaleSession.Outcome outcome) {
        switch (outcome) {
            case SaleSession.Updated updated -> {
                tenders.setAll(updated.cart().tenders());
                method.set(TenderMethod.CASH);
                tell(updated.cart().due() > 0 ? Notice.info("pay.stillDue", Amounts.money(updated.cart().due())) : null);
            }
            case SaleSession.Refused refused -> tell(Notice.refused(refused.reason()));
            case SaleSession.Paid p -> throw new IllegalStateException("a paid sale is shown by paid()");
        }
    }

    private void failed(Notice notice) {
        paying.set(false);
        tell(notice);
    }

    /**
     * The change as it would be with the amount typed so far tendered in the chosen method: the tender rules'
     * answer ({@link Tendering#settle}), none while the tenders fall short or would break a rule.
     */
    private long changeNow() {
        if (done.get() != null) {
            return done.get().change();
        }
        List<Tender> wouldBe = new ArrayList<>(tenders);
        OptionalLong typed = Amounts.parseYuan(amount.get());
        if (typed.isPresent() && typed.getAsLong() > 0) {
            String ref = reference.get() == null ? "" : reference.get().strip();
            wouldBe.add(new Tender(method.get(), typed.getAsLong(), ref.isEmpty() ? null : ref));
        }
        return Tendering.settle(total, wouldBe) instanceof Tendering.Settled settled ? settled.change() : 0;
    }

    @Override
    public boolean scanned(String code) {
        tell(Notice.warning("pay.scanWhilePaying"));
        return true;
    }
}
