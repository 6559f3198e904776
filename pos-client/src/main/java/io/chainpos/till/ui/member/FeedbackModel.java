package io.chainpos.till.ui.member;

import io.chainpos.model.event.FeedbackRecorded;
import io.chainpos.till.care.RecordFeedback;
import io.chainpos.till.loyalty.MemberAccounts.MemberAccount;
import io.chainpos.till.ui.Notice;
import io.chainpos.till.ui.Tasks;
import io.chainpos.till.ui.TillUseCases;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Taking down the selected member's feedback or complaint (客户反馈) on the member screen: what it is about and what
 * they said; Enter records it in the ledger (it reaches head office with the next sync), or says in place why not.
 */
public final class FeedbackModel {
    /** The categories in the order the screen shows them. */
    public static final List<FeedbackRecorded.Category> CATEGORIES = List.of(FeedbackRecorded.Category.values());

    private final TillUseCases till;
    private final Tasks tasks;
    private final String cashier;
    private final Supplier<MemberAccount> member;
    private final Consumer<Notice> tell;

    private final ObjectProperty<FeedbackRecorded.Category> category = new SimpleObjectProperty<>();
    private final StringProperty text = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    FeedbackModel(TillUseCases till, Tasks tasks, String cashier, Supplier<MemberAccount> member, Consumer<Notice> tell) {
        this.till = till;
        this.tasks = tasks;
        this.cashier = cashier;
        this.member = member;
        this.tell = tell;
    }

    /** What the feedback is about; none until the cashier chooses. */
    public ObjectProperty<FeedbackRecorded.Category> categoryProperty() {
        return category;
    }

    /** What the customer said. */
    public StringProperty textProperty() {
        return text;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Enter: records the feedback for the member selected. */
    public void confirm() {
        MemberAccount account = member.get();
        if (account == null) {
            tell.accept(Notice.info("member.noneSelected"));
            return;
        }
        if (busy.get()) {
            return;
        }
        busy.set(true);
        FeedbackRecorded.Category chosen = category.get();
        String words = text.get();
        tasks.counter(() -> till.feedback().record(account.member().memberId(), chosen, words, cashier), result -> {
            busy.set(false);
            switch (result) {
                case RecordFeedback.Recorded done -> {
                    tell.accept(Notice.said(Notice.Level.SUCCESS, done.message()));
                    text.set("");
                    category.set(null);
                }
                case RecordFeedback.Refused refused -> tell.accept(Notice.refused(refused.reason()));
            }
        }, notice -> {
            busy.set(false);
            tell.accept(notice);
        });
    }
}
