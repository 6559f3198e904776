package io.chainpos.till.ui.member;

import io.chainpos.model.event.LoyaltyRulesPublished.TopUpBonus;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.till.loyalty.MemberAccounts.MemberAccount;
import io.chainpos.till.loyalty.TopUp;
import io.chainpos.till.ui.Amounts;
import io.chainpos.till.ui.Notice;
import io.chainpos.till.ui.Tasks;
import io.chainpos.till.ui.TillUseCases;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Topping up the stored value (充值) of the member selected on the member screen: the amount, the bonus head office's
 * rules give for it (shown before confirming), how it is paid (cash, bank card or wallet, with the reference a wallet
 * needs), then the new stored value in its paid and bonus parts, or the till's reason for refusing, in place.
 */
public final class TopUpModel {
    /** The methods stored value may be bought with, in the order the screen shows them. */
    public static final List<TenderMethod> METHODS = List.of(TenderMethod.CASH, TenderMethod.BANK_CARD,
            TenderMethod.MOBILE_WALLET);
    /** The quick amounts offered beside the keypad, in fen. */
    public static final List<Long> QUICK = List.of(5_000L, 10_000L, 20_000L, 50_000L);

    private final TillUseCases till;
    private final Tasks tasks;
    private final String cashier;
    private final Supplier<MemberAccount> member;
    private final Consumer<MemberAccount> toppedUp;
    private final Consumer<Notice> tell;

    private final StringProperty amount = new SimpleStringProperty("");
    private final ObjectProperty<TenderMethod> method = new SimpleObjectProperty<>(TenderMethod.CASH);
    private final StringProperty reference = new SimpleStringProperty("");
    private final ObjectProperty<TopUpBonus> bonus = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();

    /**
     * {@code member} is whom the top-up is for (the one selected); {@code toppedUp} hears their account after a
     * top-up; {@code tell} shows a line on the member screen.
     */
    TopUpModel(TillUseCases till, Tasks tasks, String cashier, Supplier<MemberAccount> member,
               Consumer<MemberAccount> toppedUp, Consumer<Notice> tell) {
        this.till = till;
        this.tasks = tasks;
        this.cashier = cashier;
        this.member = member;
        this.toppedUp = toppedUp;
        this.tell = tell;
        amount.addListener((o, was, now) -> previewBonus(now));
    }

    /** Typed in yuan, e.g. "100" or "88.50". */
    public StringProperty amountProperty() {
        return amount;
    }

    public ObjectProperty<TenderMethod> methodProperty() {
        return method;
    }

    /** The wallet payment's or card slip's reference. */
    public StringProperty referenceProperty() {
        return reference;
    }

    /** The bonus step the amount typed gets under the rules now (充100送20), or null for none. */
    public ObjectProperty<TopUpBonus> bonusProperty() {
        return bonus;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** A keypad key: a digit, "00" or ".". */
    public void key(String key) {
        amount.set(amount.get() + key);
    }

    public void backspace() {
        String text = amount.get();
        amount.set(text.isEmpty() ? text : text.substring(0, text.length() - 1));
    }

    public void clear() {
        amount.set("");
    }

    /** A quick amount, in fen. */
    public void quick(long fen) {
        amount.set(Amounts.yuan(fen));
    }

    /** Enter: records the top-up for the member selected, paid in full by the method chosen. */
    public void confirm() {
        MemberAccount account = member.get();
        if (account == null) {
            tell.accept(Notice.info("member.noneSelected"));
            return;
        }
        OptionalLong fen = Amounts.parseYuan(amount.get());
        if (fen.isEmpty() || fen.getAsLong() == 0) {
            tell.accept(Notice.error("topUp.badAmount", amount.get()));
            return;
        }
        if (busy.get()) {
            return;
        }
        String ref = reference.get() == null || reference.get().isBlank() ? null : reference.get().strip();
        TopUp.Request request = new TopUp.Request(account.member().memberId(), fen.getAsLong(),
                List.of(new Tender(method.get(), fen.getAsLong(), ref)), cashier);
        busy.set(true);
        tasks.counter(() -> {
            TopUp.Result result = till.topUp().topUp(request);
            return new Answer(result, result instanceof TopUp.ToppedUp ? till.memberAccounts().account(account.member()) : null);
        }, this::show, notice -> {
            busy.set(false);
            tell.accept(notice);
        });
    }

    private record Answer(TopUp.Result result, MemberAccount account) {
    }

    private void show(Answer answer) {
        busy.set(false);
        switch (answer.result()) {
            case TopUp.ToppedUp done -> {
                tell.accept(Notice.success("topUp.done", Amounts.money(done.topUp().paid()),
                        Amounts.money(done.topUp().bonus()), done.topUp().receiptNo().value(),
                        Amounts.money(done.balance().balance()), Amounts.money(done.balance().paid()),
                        Amounts.money(done.balance().bonus())));
                amount.set("");
                reference.set("");
                toppedUp.accept(answer.account());
            }
            case TopUp.Rejected rejected -> tell.accept(Notice.refused(rejected.reason()));
        }
    }

    private void previewBonus(String typed) {
        OptionalLong fen = Amounts.parseYuan(typed);
        if (fen.isEmpty() || fen.getAsLong() == 0) {
            bonus.set(null);
            return;
        }
        tasks.counter(() -> till.topUp().bonusFor(fen.getAsLong()), found -> {
            if (typed.equals(amount.get())) {
                bonus.set(found.orElse(null));
            }
        }, tell);
    }
}
