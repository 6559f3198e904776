package io.chainpos.till;

import io.chainpos.model.json.EventCodec;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.security.TillProtection;
import io.chainpos.till.settings.TillSettings;
import io.chainpos.till.sync.EnrollTill;
import io.chainpos.till.ui.TillStartup;
import io.chainpos.till.ui.TillUseCases;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The screens' way into the till on an open ledger: enrollment from the first-run screen, then the till put together
 * once ({@link TillAssembly}); closing it stops sync and the devices.
 */
public final class AppStartup implements TillStartup, AutoCloseable {
    private final Ledger ledger;
    private final EventCodec codec;
    private final Clock clock;
    private final Path data;
    private final TillAssembly.SyncApis apis;
    private final TillSettings settings;
    private final TillProtection protection;
    private TillAssembly assembly;

    public AppStartup(Ledger ledger, EventCodec codec, Clock clock, Path data, TillAssembly.SyncApis apis,
                      TillSettings settings) {
        this(ledger, codec, clock, data, apis, settings, TillProtection.none());
    }

    public AppStartup(Ledger ledger, EventCodec codec, Clock clock, Path data, TillAssembly.SyncApis apis,
                      TillSettings settings, TillProtection protection) {
        this.protection = protection;
        this.ledger = ledger;
        this.codec = codec;
        this.clock = clock;
        this.data = data;
        this.apis = apis;
        this.settings = settings;
    }

    @Override
    public boolean enrolled() {
        return ledger.identity().isPresent();
    }

    @Override
    public EnrollTill.Result enroll(String serverAddress, String code) {
        return TillAssembly.enrollment(ledger, apis, protection).enroll(serverAddress, code);
    }

    @Override
    public synchronized TillUseCases start() {
        if (assembly == null) {
            assembly = TillAssembly.start(ledger, codec, clock, data, apis, settings, protection);
        }
        return assembly.useCases();
    }

    /** The catalog's generation whose product names are in memory for searching (0: none read yet, or not started). */
    public synchronized long productNamesReadAt() {
        return assembly == null ? 0 : assembly.productNamesReadAt();
    }

    @Override
    public synchronized void close() {
        if (assembly != null) {
            assembly.close();
        }
    }
}
