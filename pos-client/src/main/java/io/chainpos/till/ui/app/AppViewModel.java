package io.chainpos.till.ui.app;

import io.chainpos.till.settings.TillSettings;
import io.chainpos.till.settings.TillSettingsFile;
import io.chainpos.till.staff.StaffMember;
import io.chainpos.till.ui.DialogService;
import io.chainpos.till.ui.Notice;
import io.chainpos.till.ui.ScanRouter;
import io.chainpos.till.ui.Tasks;
import io.chainpos.till.ui.TillStartup;
import io.chainpos.till.ui.TillUseCases;
import io.chainpos.till.ui.sale.SaleViewModel;
import io.chainpos.till.ui.sale.StatusViewModel;
import io.chainpos.till.ui.settings.SettingsViewModel;
import io.chainpos.till.ui.setup.FirstRunViewModel;
import io.chainpos.till.ui.setup.SignInViewModel;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The till from switch-on to selling: the first run (enroll, owner's account) on a new till, then the lock screen,
 * then the sale screen of whoever signed in, opening the shift screen when no shift is open. It also holds the
 * screens' language, which the cashier switches and the till remembers.
 */
public final class AppViewModel implements SaleViewModel.Host {
    /** Which screen fills the window. */
    public enum Screen { STARTING, FIRST_RUN, SIGN_IN, COUNTER }

    private final TillStartup startup;
    private final TillSettingsFile settingsFile;
    private final Tasks tasks;
    private final DialogService dialogs;
    private final ScanRouter router;
    private final boolean systemIsChinese;

    private final ReadOnlyObjectWrapper<Screen> screen = new ReadOnlyObjectWrapper<>(Screen.STARTING);
    private final ObjectProperty<TillSettings.Language> language = new SimpleObjectProperty<>();
    private final ObjectProperty<Notice> problem = new SimpleObjectProperty<>();
    private FirstRunViewModel firstRun;
    private SignInViewModel signIn;
    private SaleViewModel sale;
    private StatusViewModel status;
    private TillUseCases till;

    public AppViewModel(TillStartup startup, TillSettingsFile settingsFile, TillSettings.Language language,
                        boolean systemIsChinese, Tasks tasks, DialogService dialogs, ScanRouter router) {
        this.startup = startup;
        this.settingsFile = settingsFile;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.router = router;
        this.systemIsChinese = systemIsChinese;
        this.language.set(language);
    }

    public ReadOnlyObjectProperty<Screen> screenProperty() {
        return screen.getReadOnlyProperty();
    }

    /** The language chosen ({@code SYSTEM}: the computer's). */
    public ObjectProperty<TillSettings.Language> languageProperty() {
        return language;
    }

    /** Why the till could not start (a disk it cannot write, say), shown on the start screen. */
    public ObjectProperty<Notice> problemProperty() {
        return problem;
    }

    public FirstRunViewModel firstRun() {
        return firstRun;
    }

    public SignInViewModel signIn() {
        return signIn;
    }

    public SaleViewModel sale() {
        return sale;
    }

    public Optional<TillUseCases> till() {
        return Optional.ofNullable(till);
    }

    public ScanRouter router() {
        return router;
    }

    /** Starts: the first run on a till that is not enrolled, the counter otherwise. */
    public void start() {
        tasks.counter(startup::enrolled, enrolled -> {
            if (enrolled) {
                boot();
            } else {
                firstRun = new FirstRunViewModel(startup, tasks, this::boot, this::toSignIn);
                screen.set(Screen.FIRST_RUN);
            }
        }, problem::set);
    }

    private void boot() {
        tasks.counter(() -> {
            TillUseCases counter = startup.start();
            return new Booted(counter, counter.signIn().needsOwner());
        }, booted -> {
            till = booted.till();
            status = new StatusViewModel(till, tasks);
            till.serialScanner().accept(scan -> tasks.ui().execute(() -> router.route(scan.code())));
            if (booted.needsOwner()) {
                if (firstRun == null) {
                    firstRun = new FirstRunViewModel(startup, tasks, () -> { }, this::toSignIn);
                }
                firstRun.needOwner(till);
                screen.set(Screen.FIRST_RUN);
            } else {
                toSignIn();
            }
        }, problem::set);
    }

    private record Booted(TillUseCases till, boolean needsOwner) {
    }

    private void toSignIn() {
        router.saleTakes(null);
        sale = null;
        signIn = new SignInViewModel(till.signIn(), tasks, this::signedIn);
        screen.set(Screen.SIGN_IN);
    }

    private void signedIn(StaffMember who) {
        status.cashierProperty().set(who);
        sale = new SaleViewModel(till, who, status, tasks, dialogs, this);
        router.saleTakes(sale::scanned);
        screen.set(Screen.COUNTER);
        tasks.counter(() -> till.shifts().openSince(), (Optional<java.time.Instant> open) -> {
            status.shiftSinceProperty().set(open.orElse(null));
            if (open.isEmpty()) {
                sale.screens().shift();
            }
        }, problem::set);
    }

    @Override
    public void signOut() {
        status.cashierProperty().set(null);
        toSignIn();
    }

    /** Chinese ↔ English, remembered in the till's settings. */
    @Override
    public void toggleLanguage() {
        boolean chinese = switch (language.get()) {
            case ZH_CN -> true;
            case EN -> false;
            case SYSTEM -> systemIsChinese;
        };
        TillSettings.Language next = chinese ? TillSettings.Language.EN : TillSettings.Language.ZH_CN;
        language.set(next);
        tasks.counter(() -> {
            settingsFile.save(settingsFile.load().withLanguage(next));
            return next;
        }, saved -> { }, problem::set);
    }

    @Override
    public void openSettings() {
        dialogs.show(new SettingsViewModel(till.settings(), tasks, saved -> language.set(saved.language())));
    }
}
