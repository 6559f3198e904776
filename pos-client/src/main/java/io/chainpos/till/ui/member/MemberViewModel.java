package io.chainpos.till.ui.member;

import io.chainpos.model.event.Gender;
import io.chainpos.till.device.printer.MemberCardSlip;
import io.chainpos.till.device.printer.PrintJob;
import io.chainpos.till.loyalty.MemberAccounts;
import io.chainpos.till.loyalty.MemberAccounts.MemberAccount;
import io.chainpos.till.member.Member;
import io.chainpos.till.member.RegisterMember;
import io.chainpos.till.ui.Notice;
import io.chainpos.till.ui.PanelModel;
import io.chainpos.till.ui.Tasks;
import io.chainpos.till.ui.TillUseCases;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The member screen (会员): find a member by phone, card number or their QR code (typed or scanned), or register
 * one in a few fields; see their tier, points and stored value, show and print their QR code, and put them on the
 * sale, and top up their stored value ({@link TopUpModel}, F7). Its parts are tabs ({@link Tab}), each drawn by
 * its own view.
 */
public final class MemberViewModel extends PanelModel {
    /**
     * The member screen's parts: the tab bar shows {@link #tabs()}; the top-up opens with F7 and the feedback with F8
     * for the member selected.
     */
    public enum Tab { FIND, REGISTER, TOP_UP, FEEDBACK }

    private final TillUseCases till;
    private final Tasks tasks;
    private final Consumer<MemberAccount> useOnSale;
    private final Consumer<MemberAccount> balanceChanged;
    private final TopUpModel topUp;
    private final FeedbackModel feedback;

    private final ObjectProperty<Tab> tab = new SimpleObjectProperty<>(Tab.FIND);
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<MemberAccount> found = FXCollections.observableArrayList();
    private final ObjectProperty<MemberAccount> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<byte[]> qrCode = new SimpleObjectProperty<>();
    private final StringProperty phone = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<Gender> gender = new SimpleObjectProperty<>(Gender.UNSPECIFIED);
    private final StringProperty birthday = new SimpleStringProperty("");
    private final BooleanProperty consent = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();

    /**
     * {@code onSale}: the member already on the sale, or null; {@code useOnSale} hears the member chosen (null: none);
     * {@code balanceChanged} hears a member's account after their stored value was topped up here by {@code cashier}.
     */
    public MemberViewModel(TillUseCases till, Tasks tasks, String cashier, MemberAccount onSale,
                           Consumer<MemberAccount> useOnSale, Consumer<MemberAccount> balanceChanged) {
        this.till = till;
        this.tasks = tasks;
        this.useOnSale = useOnSale;
        this.balanceChanged = balanceChanged;
        this.topUp = new TopUpModel(till, tasks, cashier, selected::get, this::toppedUp, this::tell);
        this.feedback = new FeedbackModel(till, tasks, cashier, selected::get, this::tell);
        selected.addListener((o, was, now) -> showQr(now));
        if (onSale != null) {
            found.setAll(onSale);
            selected.set(onSale);
        }
    }

    public ObjectProperty<Tab> tabProperty() {
        return tab;
    }

    /** The tabs on the tab bar, F1 and F2. */
    public List<Tab> tabs() {
        return List.of(Tab.FIND, Tab.REGISTER);
    }

    public TopUpModel topUp() {
        return topUp;
    }

    public FeedbackModel feedback() {
        return feedback;
    }

    /** F8: takes down the feedback or complaint of the member selected. */
    public void openFeedback() {
        if (selected.get() == null) {
            tell(Notice.info("member.noneSelected"));
            return;
        }
        tab.set(Tab.FEEDBACK);
    }

    /** F7: tops up the stored value of the member selected (found, or already on the sale). */
    public void openTopUp() {
        if (selected.get() == null) {
            tell(Notice.info("member.noneSelected"));
            return;
        }
        tab.set(Tab.TOP_UP);
    }

    /** Esc: from the top-up or the feedback back to the member found; otherwise back to the sale. */
    public void back() {
        if (tab.get() == Tab.TOP_UP || tab.get() == Tab.FEEDBACK) {
            tab.set(Tab.FIND);
        } else {
            close();
        }
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<MemberAccount> found() {
        return found;
    }

    public ObjectProperty<MemberAccount> selectedProperty() {
        return selected;
    }

    /** The selected member's QR code as PNG bytes, or null. */
    public ObjectProperty<byte[]> qrCodeProperty() {
        return qrCode;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<Gender> genderProperty() {
        return gender;
    }

    /** Typed as yyyy-mm-dd; may stay empty. */
    public StringProperty birthdayProperty() {
        return birthday;
    }

    public BooleanProperty consentProperty() {
        return consent;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Enter: finds on the find tab, registers on the register tab, or puts the member found on the sale. */
    public void enter() {
        if (tab.get() == Tab.REGISTER) {
            register();
        } else if (tab.get() == Tab.TOP_UP) {
            topUp.confirm();
        } else if (tab.get() == Tab.FEEDBACK) {
            feedback.confirm();
        } else if (selected.get() != null && query.get().isBlank()) {
            use();
        } else {
            find();
        }
    }

    public void find() {
        String key = query.get();
        busy.set(true);
        tasks.counter(() -> till.memberAccounts().find(key), lookup -> {
            busy.set(false);
            switch (lookup) {
                case MemberAccounts.Found hit -> {
                    found.setAll(hit.accounts());
                    selected.set(hit.accounts().getFirst());
                    query.set("");
                    tell(hit.accounts().size() > 1 ? Notice.warning("member.several", hit.accounts().size())
                            : Notice.success("member.found", hit.accounts().getFirst().member().name()));
                }
                case MemberAccounts.NotFound miss -> {
                    tell(Notice.refused(miss.reason()));
                    if (key != null && key.strip().matches("1[3-9]\\d{9}")) {
                        phone.set(key.strip());
                    }
                }
            }
        }, this::failed);
    }

    public void register() {
        LocalDate born;
        try {
            born = birthday.get() == null || birthday.get().isBlank() ? null : LocalDate.parse(birthday.get().strip());
        } catch (DateTimeParseException e) {
            tell(Notice.error("member.badBirthday", birthday.get()));
            return;
        }
        RegisterMember.Request request = new RegisterMember.Request(phone.get(), name.get(), gender.get(), born, consent.get());
        busy.set(true);
        tasks.counter(() -> {
            RegisterMember.Result result = till.registerMember().register(request);
            return switch (result) {
                case RegisterMember.Registered registered -> new Registered(result, till.memberAccounts().account(registered.member()));
                case RegisterMember.AlreadyMember already -> new Registered(result, till.memberAccounts().account(already.member()));
                case RegisterMember.Invalid invalid -> new Registered(result, null);
                case RegisterMember.NotEnrolled notEnrolled -> new Registered(result, null);
            };
        }, registered -> {
            busy.set(false);
            switch (registered.result()) {
                case RegisterMember.Registered done -> {
                    tell(Notice.success("member.registered", done.member().name(), done.member().cardNo().value()));
                    clearForm();
                }
                case RegisterMember.AlreadyMember already -> tell(Notice.warning("member.already", already.member().name()));
                case RegisterMember.Invalid invalid -> tell(Notice.refused(invalid.reason()));
                case RegisterMember.NotEnrolled notEnrolled -> tell(Notice.refused(notEnrolled.reason()));
            }
            if (registered.account() != null) {
                found.setAll(registered.account());
                selected.set(registered.account());
                query.set("");
                tab.set(Tab.FIND);
            }
        }, this::failed);
    }

    private record Registered(RegisterMember.Result result, MemberAccount account) {
    }

    /** Puts the selected member on the sale and goes back to it. */
    public void use() {
        if (selected.get() == null) {
            tell(Notice.info("member.noneSelected"));
            return;
        }
        useOnSale.accept(selected.get());
        close();
    }

    /** Takes the member off the sale. */
    public void removeFromSale() {
        useOnSale.accept(null);
        close();
    }

    /** Prints the member's card: their QR code, card number and masked phone. */
    public void printCard() {
        MemberAccount account = selected.get();
        if (account == null) {
            tell(Notice.info("member.noneSelected"));
            return;
        }
        Member member = account.member();
        tasks.counter(() -> {
            till.printer().print(PrintJob.Kind.MEMBER_CARD, member.cardNo().value(),
                    new MemberCardSlip(member.name(), member.phone(), member.cardNo()));
            return till.printer().status();
        }, status -> tell(status.condition().canPrint() ? Notice.success("member.cardPrinting", member.name())
                : Notice.warning("member.cardWaiting")), this::failed);
    }

    @Override
    public boolean scanned(String code) {
        tab.set(Tab.FIND);
        query.set(code);
        find();
        return true;
    }

    /** The member's account after a top-up: shown here, and on the sale if they are on it. */
    private void toppedUp(MemberAccount account) {
        found.replaceAll(a -> a.member().memberId().equals(account.member().memberId()) ? account : a);
        if (selected.get() != null && selected.get().member().memberId().equals(account.member().memberId())) {
            selected.set(account);
        }
        balanceChanged.accept(account);
    }

    private void showQr(MemberAccount account) {
        if (account == null) {
            qrCode.set(null);
            return;
        }
        tasks.counter(() -> till.memberCode().png(account.member().cardNo()), png -> {
            if (account.equals(selected.get())) {
                qrCode.set(png);
            }
        }, this::failed);
    }

    private void clearForm() {
        phone.set("");
        name.set("");
        gender.set(Gender.UNSPECIFIED);
        birthday.set("");
        consent.set(false);
    }

    private void failed(Notice notice) {
        busy.set(false);
        tell(notice);
    }
}
