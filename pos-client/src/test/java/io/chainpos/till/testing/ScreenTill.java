package io.chainpos.till.testing;

import io.chainpos.till.AppStartup;
import io.chainpos.till.settings.TillSettings;
import io.chainpos.till.sync.EnrollTill;
import io.chainpos.till.ui.TillStartup;
import io.chainpos.till.ui.TillUseCases;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A till as the screens start it: a real ledger file (enrolled, head office's catalog pulled, an owner and a
 * manager set up, optionally a shift open) put together by the app's own {@link AppStartup}, with its printer
 * writing receipts to a file in the data folder as a new till does. Not linked to a server.
 */
public final class ScreenTill implements TillStartup, AutoCloseable {
    public final TestTill till;
    public final Path data;
    private final AppStartup startup;

    private ScreenTill(TestTill till, Path data) {
        this.till = till;
        this.data = data;
        this.startup = new AppStartup(till.ledger, till.codec, till.clock, data, (url, token) -> {
            throw new IllegalStateException("not linked to a server");
        }, TillSettings.defaults());
    }

    /** Catalog, owner (8888) and manager (2468); a shift open with a 500.00 float when {@code shiftOpen}. */
    public static ScreenTill ready(Path data, Clock clock, boolean shiftOpen) {
        TestTill till = new TestTill(data.resolve("till.db"), clock, "S001", "S001-T1");
        till.ledger.remote().applyPulled(new HeadOfficeEvents(clock).catalog(), 4);
        till.withStaff();
        if (shiftOpen) {
            till.shifts.open("owner", 50_000);
        }
        return new ScreenTill(till, data);
    }

    @Override
    public boolean enrolled() {
        return true;
    }

    @Override
    public EnrollTill.Result enroll(String serverAddress, String code) {
        throw new IllegalStateException("this till is enrolled already");
    }

    @Override
    public TillUseCases start() {
        return startup.start();
    }

    /** The catalog's generation whose product names the till has read for searching (0: none yet). */
    public long productNamesReadAt() {
        return startup.productNamesReadAt();
    }

    /** The receipts, reports and cards printed so far, as the printer got them. */
    public Path printerFile() {
        return data.resolve("receipts.escpos");
    }

    @Override
    public void close() {
        startup.close();
        till.close();
    }
}
