package io.chainpos.till.ui.setup;

import io.chainpos.model.event.StaffAccountSet;
import io.chainpos.till.staff.SignIn;
import io.chainpos.till.staff.StaffMember;
import io.chainpos.till.ui.Notice;
import io.chainpos.till.ui.Tasks;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The counter's lock screen: a cashier, manager or owner types their PIN to start selling under their name. */
public final class SignInViewModel {
    private final SignIn signIn;
    private final Tasks tasks;
    private final Consumer<StaffMember> signedIn;
    private final StringProperty pin = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>(Notice.info("signIn.prompt"));

    public SignInViewModel(SignIn signIn, Tasks tasks, Consumer<StaffMember> signedIn) {
        this.signIn = signIn;
        this.tasks = tasks;
        this.signedIn = signedIn;
    }

    public StringProperty pinProperty() {
        return pin;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObjectProperty<Notice> noticeProperty() {
        return notice;
    }

    public void key(String digit) {
        if (pin.get().length() < 8) {
            pin.set(pin.get() + digit);
        }
    }

    public void backspace() {
        String typed = pin.get();
        pin.set(typed.isEmpty() ? typed : typed.substring(0, typed.length() - 1));
    }

    /**
     * Ctrl+Q: closes the till, but only for a manager or the owner, whose PIN is typed first in the same field: a
     * cashier's PIN, or none, leaves the till open and says so.
     */
    public void closeTill(Runnable close) {
        if (busy.get()) {
            return;
        }
        String typed = pin.get();
        pin.set("");
        if (typed.isBlank()) {
            notice.set(Notice.error("signIn.closeNeedsManager"));
            return;
        }
        busy.set(true);
        tasks.counter(() -> signIn.signIn(typed), result -> {
            busy.set(false);
            switch (result) {
                case SignIn.SignedIn in when in.who().role() != StaffAccountSet.Role.CASHIER -> close.run();
                case SignIn.SignedIn in -> notice.set(Notice.error("signIn.closeNeedsManager"));
                case SignIn.Refused refused -> notice.set(Notice.refused(refused.reason()));
                case SignIn.Locked locked -> notice.set(Notice.error("signIn.locked", locked.wrong()));
                case SignIn.Unlocked unlocked -> notice.set(Notice.success("signIn.unlocked", unlocked.by().name()));
            }
        }, failure -> {
            busy.set(false);
            notice.set(failure);
        });
    }

    public void enter() {
        if (busy.get()) {
            return;
        }
        String typed = pin.get();
        pin.set("");
        busy.set(true);
        tasks.counter(() -> signIn.signIn(typed), result -> {
            busy.set(false);
            switch (result) {
                case SignIn.SignedIn in -> {
                    notice.set(Notice.info("signIn.prompt"));
                    signedIn.accept(in.who());
                }
                case SignIn.Refused refused -> notice.set(Notice.refused(refused.reason()));
                case SignIn.Locked locked -> notice.set(Notice.error("signIn.locked", locked.wrong()));
                case SignIn.Unlocked unlocked -> notice.set(Notice.success("signIn.unlocked", unlocked.by().name()));
            }
        }, failure -> {
            busy.set(false);
            notice.set(failure);
        });
    }
}
