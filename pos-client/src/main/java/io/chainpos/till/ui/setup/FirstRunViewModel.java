package io.chainpos.till.ui.setup;

import io.chainpos.model.event.StaffAccountSet;
import io.chainpos.till.staff.SetUpStaff;
import io.chainpos.till.sync.EnrollTill;
import io.chainpos.till.sync.SyncProgress;
import io.chainpos.till.ui.Notice;
import io.chainpos.till.ui.Tasks;
import io.chainpos.till.ui.TillStartup;
import io.chainpos.till.ui.TillUseCases;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A new till's first run: enroll it with the sync server (its address and head office's one-time code), which
 * fetches the catalog and members, then set up the owner's account, whose PIN approves everything after.
 */
public final class FirstRunViewModel {
    /** Where the first run is. */
    public enum Step { ENROLL, OWNER }

    private final TillStartup startup;
    private final Tasks tasks;
    private final Runnable enrolled;
    private final Runnable ownerReady;
    private TillUseCases till;

    private final ObjectProperty<Step> step = new SimpleObjectProperty<>();
    private final StringProperty server = new SimpleStringProperty("http://");
    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty ownerId = new SimpleStringProperty("owner");
    private final StringProperty ownerName = new SimpleStringProperty("");
    private final StringProperty pin = new SimpleStringProperty("");
    private final StringProperty pinAgain = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>();
    private final ObjectProperty<SyncProgress> progress = new SimpleObjectProperty<>(SyncProgress.IDLE);

    /** {@code enrolled} runs once the till has its identity; {@code ownerReady} once the owner's account exists. */
    public FirstRunViewModel(TillStartup startup, Tasks tasks, Runnable enrolled, Runnable ownerReady) {
        this.startup = startup;
        this.tasks = tasks;
        this.enrolled = enrolled;
        this.ownerReady = ownerReady;
        step.set(Step.ENROLL);
    }

    public ObjectProperty<Step> stepProperty() {
        return step;
    }

    public StringProperty serverProperty() {
        return server;
    }

    public StringProperty codeProperty() {
        return code;
    }

    public StringProperty ownerIdProperty() {
        return ownerId;
    }

    public StringProperty ownerNameProperty() {
        return ownerName;
    }

    public StringProperty pinProperty() {
        return pin;
    }

    public StringProperty pinAgainProperty() {
        return pinAgain;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObjectProperty<Notice> noticeProperty() {
        return notice;
    }

    /** How the till's first download of the chain's members and products comes along, while the owner is set up. */
    public ObjectProperty<SyncProgress> progressProperty() {
        return progress;
    }

    /** The till is enrolled and its counter built: the owner's account is next, while the chain downloads. */
    public void needOwner(TillUseCases counter) {
        this.till = counter;
        counter.sync().onProgress(now -> tasks.ui().execute(() -> progress.set(now)));
        step.set(Step.OWNER);
        busy.set(false);
    }

    public void enter() {
        if (busy.get()) {
            return;
        }
        if (step.get() == Step.ENROLL) {
            enroll();
        } else {
            createOwner();
        }
    }

    public void enroll() {
        String address = server.get();
        String oneTimeCode = code.get();
        busy.set(true);
        notice.set(Notice.info("setup.enrolling", address));
        tasks.network(() -> startup.enroll(address, oneTimeCode), result -> {
            switch (result) {
                case EnrollTill.Enrolled done -> {
                    notice.set(Notice.success("setup.enrolled", done.tillId().value(),
                            done.storeId().value()));
                    enrolled.run();
                }
                case EnrollTill.Refused refused -> failed(Notice.refused(refused.reason()));
                case EnrollTill.Unreachable unreachable -> failed(Notice.refused(unreachable.reason()));
                case EnrollTill.Invalid invalid -> failed(Notice.refused(invalid.reason()));
            }
        }, this::failed);
    }

    public void createOwner() {
        if (till == null) {
            return;
        }
        if (!pin.get().equals(pinAgain.get())) {
            pinAgain.set("");
            notice.set(Notice.error("setup.pinsDiffer"));
            return;
        }
        String id = ownerId.get().strip();
        String name = ownerName.get();
        String ownerPin = pin.get();
        busy.set(true);
        tasks.counter(() -> till.staff().save(id, name, StaffAccountSet.Role.OWNER, ownerPin, null), result -> {
            busy.set(false);
            switch (result) {
                case SetUpStaff.Saved saved -> {
                    pin.set("");
                    pinAgain.set("");
                    notice.set(Notice.success("setup.ownerSaved", saved.member().name()));
                    ownerReady.run();
                }
                case SetUpStaff.Refused refused -> notice.set(Notice.refused(refused.reason()));
            }
        }, this::failed);
    }

    private void failed(Notice why) {
        busy.set(false);
        notice.set(why);
    }
}
