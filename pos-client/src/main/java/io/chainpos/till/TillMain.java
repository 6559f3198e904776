package io.chainpos.till;

import io.chainpos.model.json.EventCodec;
import io.chainpos.model.pricing.CashRounding;
import io.chainpos.till.backup.RestoreFromBackup;
import io.chainpos.till.cli.BackupCommands;
import io.chainpos.till.cli.CommandLineTill;
import io.chainpos.till.cli.DeviceCommands;
import io.chainpos.till.device.scanner.WedgeTiming;
import io.chainpos.till.device.settings.DeviceSettingsFile;
import io.chainpos.till.device.settings.InvalidSettingsException;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.ledger.LedgerException;
import io.chainpos.till.member.KeyWrap;
import io.chainpos.till.security.DataFolder;
import io.chainpos.till.security.KeyFile;
import io.chainpos.till.security.OwnerOnly;
import io.chainpos.till.security.TillProtection;
import io.chainpos.till.settings.TillSettings;
import java.security.SecureRandom;
import java.util.List;
import org.slf4j.LoggerFactory;
import io.chainpos.till.settings.TillSettingsFile;
import io.chainpos.till.sync.EnrollTill;
import io.chainpos.till.sync.OkHttpSyncApis;
import io.chainpos.till.sync.ServerTrust;
import io.chainpos.till.sync.SyncAgent;
import io.chainpos.till.sync.SyncStatus;
import java.nio.file.Files;

import io.chainpos.till.ui.app.FxTill;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The till's composition root: opens the ledger, enrolls when given a code, and runs the counter: the JavaFX
 * screens by default (a new till's first run enrolls from the screen), the typed-command till with {@code --console}.
 */
@Command(name = "till", mixinStandardHelpOptions = true, description = "Runs a ChainPOS till at this counter.")
public final class TillMain implements Callable<Integer> {

    @Option(names = "--data", description = "Folder for the till's ledger (default: ${DEFAULT-VALUE}).",
            defaultValue = "${user.home}/.chainpos/till")
    Path data;

    @Option(names = "--server", description = "Sync server address, e.g. http://192.168.1.10:8080 (first run).")
    String server;

    @Option(names = "--enroll", description = "One-time enrollment code from head office (first run).")
    String enrollCode;

    @Option(names = "--server-ca", description = "The chain's CA certificate (PEM) the server's certificate is signed by, "
            + "when it is not one this computer trusts (default: chain-ca.pem in the data folder, if there).")
    Path serverCa;

    @Option(names = "--key-file", description = "The till's key-encryption key, outside the data folder; made at the first "
            + "start (default: ${DEFAULT-VALUE}).", defaultValue = "${user.home}/.chainpos/keys/till.kek")
    Path keyFile;

    @Option(names = "--restore", description = "Restore the ledger from this backup file into an empty --data folder, "
            + "then enroll again: needs --server and a new --enroll code.")
    Path restore;

    @Option(names = "--console", description = "Run the typed-command till in this terminal instead of the screens.")
    boolean console;

    @Option(names = "--cashier", description = "Who is selling at the console till (default: ${DEFAULT-VALUE}).",
            defaultValue = "cashier")
    String cashier;

    @Option(names = "--cash-rounding", description = "Rounding of sale totals: ${COMPLETION-CANDIDATES} "
            + "(default: as in till.properties, NONE unless set there).")
    CashRounding rounding;

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(TillMain.class);

    private final PrintStream out;
    private final PrintStream err;

    public TillMain() {
        this(System.out, System.err);
    }

    /** A till whose start-up messages go to the given streams (the terminal's, or a test's). */
    TillMain(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new TillMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Clock clock = Clock.systemDefaultZone();
        EventCodec codec = EventCodec.standard();
        TillSettings settings = tillSettings();
        // Start-up speaks the language the till's settings choose, as its screens do.
        TillWords words = new TillWords(TillWords.localeFor(settings.language(), Locale.getDefault()));
        if (restore != null) {
            Integer refused = restoreFromBackup(words);
            if (refused != null) {
                return refused;
            }
        }
        TillProtection protection;
        try {
            protection = protect();
        } catch (IOException e) {
            LOG.atError().setMessage("start.dataFolderUnusable").addKeyValue("data", data).addKeyValue("keyFile", keyFile)
                    .setCause(e).log();
            err.println(words.say(TillMessage.of(TillMessage.Code.START_DATA_FOLDER_UNUSABLE, data.toString(), keyFile.toString())));
            return 2;
        }
        FxTill window = null;
        if (!console) {
            if (noDisplay()) {
                err.println(words.say(TillMessage.of(TillMessage.Code.START_NO_DISPLAY)));
                return 2;
            }
            try {
                // The window comes up on its "starting" screen while the ledger opens.
                window = FxTill.begin(new TillSettingsFile(data), settings, wedgeTiming());
            } catch (UnsupportedOperationException | IllegalStateException e) {
                LOG.atError().setMessage("start.windowFailed").setCause(e).log();
                err.println(words.say(TillMessage.of(TillMessage.Code.START_WINDOW_FAILED)));
                return 2;
            }
        }
        try {
            return start(clock, codec, settings, words, protection, window);
        } finally {
            if (window != null) {
                window.abandon(); // nothing when the window ran the till
            }
        }
    }

    private int start(Clock clock, EventCodec codec, TillSettings settings, TillWords words, TillProtection protection,
                      FxTill window) throws Exception {
        Ledger ledger;
        try {
            ledger = Ledger.open(data.resolve("till.db"), clock, codec, TillProjections.standard(codec, protection.wrap()), protection.wrap());
        } catch (LedgerException e) {
            LOG.atError().setMessage("start.ledgerUnusable").addKeyValue("ledger", data.resolve("till.db")).setCause(e).log();
            err.println(words.say(TillMessage.of(TillMessage.Code.START_LEDGER_UNUSABLE, data.resolve("till.db").toString())));
            return 2;
        }
        // A token kept by an earlier version in the clear is written again, now wrapped.
        boolean relinked = ledger.registration().wrapClearToken();
        if (ledger.writeState(protection.memberKeys()::wrapUnwrapped) > 0 || relinked) {
            ledger.scrub(); // no clear copy of a key or the token left in the write-ahead log
        }
        ServerTrust trust;
        try {
            trust = ServerTrust.load(ledger, chainCa());
        } catch (IOException e) {
            LOG.atError().setMessage("start.chainCaUnreadable").setCause(e).log();
            err.println(words.say(TillMessage.of(TillMessage.Code.START_CHAIN_CA_UNREADABLE)));
            ledger.close();
            return 2;
        }
        OkHttpSyncApis http = new OkHttpSyncApis(codec, trust);
        TillAssembly.SyncApis apis = TillAssembly.SyncApis.of(http);
        boolean undoRestore = false;
        try (ledger; http) {
            boolean justEnrolled = false;
            if (enrollCode != null) {
                EnrollTill.Result result = TillAssembly.enrollment(ledger, apis, protection).enroll(server, enrollCode);
                if (!(result instanceof EnrollTill.Enrolled enrolled)) {
                    err.println(words.say(TillMessage.of(TillMessage.Code.ENROLL_FAILED, switch (result) {
                        case EnrollTill.Refused refused -> refused.reason();
                        case EnrollTill.Unreachable unreachable -> unreachable.reason();
                        case EnrollTill.Invalid invalid -> invalid.reason();
                        case EnrollTill.Enrolled done -> throw new IllegalStateException("enrolled");
                    })));
                    // A restored ledger left under its old epoch would sell with sequence numbers already sent.
                    undoRestore = restore != null;
                    return 2;
                }
                justEnrolled = true;
                out.println(words.say(TillMessage.of(TillMessage.Code.ENROLLED, enrolled.identity().tillId().value(),
                        enrolled.identity().storeId().value(), Integer.toString(enrolled.identity().epoch()))));
            }
            return window == null ? console(ledger, codec, clock, apis, settings, justEnrolled, protection, words)
                    : screens(window, ledger, codec, clock, apis, settings, protection);
        } finally {
            if (undoRestore) {
                java.nio.file.Files.deleteIfExists(data.resolve("till.db"));
                java.nio.file.Files.deleteIfExists(data.resolve("till.db-wal"));
                java.nio.file.Files.deleteIfExists(data.resolve("till.db-shm"));
                err.println(words.say(TillMessage.of(TillMessage.Code.RESTORE_UNDONE)));
            }
        }
    }

    /**
     * The data folder and the ledger made owner-only before SQLite or the log opens them, the key file made or read,
     * and what others may read reported (in the log, and on the top bar through {@link TillProtection#warnings}).
     */
    private TillProtection protect() throws IOException {
        DataFolder.prepare(data, "till.db");
        String logDir = System.getenv("CHAINPOS_LOG_DIR");
        if (logDir != null && !logDir.isBlank()) {
            OwnerOnly.createFile(Path.of(logDir).resolve("till.log"));
        }
        SecureRandom random = new SecureRandom();
        KeyWrap wrap = KeyWrap.with(KeyFile.openOrCreate(keyFile, random), random);
        List<String> loose = DataFolder.looser(data, keyFile, Path.of(System.getProperty("user.home")));
        if (!loose.isEmpty()) {
            LoggerFactory.getLogger(TillMain.class).atWarn().setMessage("dataFolder.readableByOthers")
                    .addKeyValue("paths", String.join(", ", loose))
                    .addKeyValue("fix", "chmod 700 on folders, chmod 600 on files").log();
        }
        return new TillProtection(wrap, loose);
    }

    /** The chain CA given on the command line, or {@code chain-ca.pem} in the data folder when the owner put it there. */
    private Optional<Path> chainCa() {
        if (serverCa != null) {
            return Optional.of(serverCa);
        }
        Path inData = data.resolve("chain-ca.pem");
        return Files.exists(inData) ? Optional.of(inData) : Optional.empty();
    }

    private int screens(FxTill window, Ledger ledger, EventCodec codec, Clock clock, TillAssembly.SyncApis apis,
                        TillSettings settings, TillProtection protection) throws InterruptedException {
        try (AppStartup startup = new AppStartup(ledger, codec, clock, data, apis, settings, protection)) {
            window.run(startup);
            return 0;
        }
    }

    private int console(Ledger ledger, EventCodec codec, Clock clock, TillAssembly.SyncApis apis, TillSettings settings,
                        boolean justEnrolled, TillProtection protection, TillWords words) throws IOException {
        if (ledger.identity().isEmpty()) {
            err.println(words.say(TillMessage.of(TillMessage.Code.START_NOT_ENROLLED)));
            return 2;
        }
        try (TillAssembly till = TillAssembly.start(ledger, codec, clock, data, apis, settings, protection)) {
            till.useCases().products().readAhead();
            till.useCases().security().get().forEach(warning -> err.println(words.say(
                    TillMessage.of(TillMessage.Code.START_WARNING, warning.message()))));
            SyncAgent agent = till.agent();
            if (agent != null && justEnrolled) {
                // Just enrolled: fetch the catalog, rules and members before the first customer.
                out.println(words.say(TillMessage.of(TillMessage.Code.START_FETCHING)));
                try {
                    // The agent has already started its first round in the background; this one waits for it.
                    SyncAgent.Round round = agent.syncOnce();
                    out.println(words.say(round.problems().isEmpty() ? TillMessage.of(TillMessage.Code.START_UP_TO_DATE)
                            : TillMessage.of(TillMessage.Code.START_FIRST_SYNC_PROBLEMS, round.problems().stream().map(words::say)
                            .collect(java.util.stream.Collectors.joining("; ")))));
                } catch (IOException | RuntimeException e) {
                    err.println(words.say(TillMessage.of(TillMessage.Code.START_FIRST_SYNC_FAILED, SyncStatus.problemOf(e))));
                }
            }
            if (till.deviceProblems().isEmpty()) {
                out.println(words.say(TillMessage.of(TillMessage.Code.START_DEVICE_SETTINGS_AT,
                        new DeviceSettingsFile(data).path().toString())));
            } else {
                err.println(words.say(TillMessage.of(TillMessage.Code.START_DEVICE_SETTINGS_UNUSABLE)));
                till.deviceProblems().forEach(problem -> err.println("  " + words.say(problem)));
            }
            DeviceCommands hardware = new DeviceCommands(till.devices(), Optional.of(till.noSale()), cashier,
                    till.identity().tillId(), clock, out, words);
            CommandLineTill counter = new CommandLineTill(ledger, till.counter(cashier), agent, out, hardware, words)
                    .withBackups(new BackupCommands(till.backups(), clock.getZone(), out));
            till.devices().startScanner(scan -> counter.scanned(scan.code()));
            counter.run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        }
        return 0;
    }

    /**
     * Puts the backup back as this till's ledger before it opens; the enrollment that follows gives the till a new
     * epoch. Returns the exit code when it cannot, or null to go on.
     */
    private Integer restoreFromBackup(TillWords words) {
        if (enrollCode == null || server == null) {
            err.println(words.say(TillMessage.of(TillMessage.Code.RESTORE_NEEDS_ENROLL)));
            return 2;
        }
        switch (RestoreFromBackup.restore(restore, data.resolve("till.db"))) {
            case RestoreFromBackup.Result.Restored restored -> {
                out.println(words.say(TillMessage.of(TillMessage.Code.RESTORED, restore.toString(), restored.events())));
                return null;
            }
            case RestoreFromBackup.Result.Refused refused -> {
                err.println(words.say(refused.reason()));
                return 2;
            }
        }
    }

    /**
     * Why there is no screen to open the window on, when that can be told before trying: a Linux session with neither
     * an X nor a Wayland display (a server, an SSH login). Windows and macOS always have one; a JavaFX platform
     * chosen by hand (Monocle) needs none.
     */
    private static boolean noDisplay() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
        return linux && System.getProperty("glass.platform") == null && System.getenv("DISPLAY") == null
                && System.getenv("WAYLAND_DISPLAY") == null;
    }

    /** The till's own settings; a flag overrides the file's cash rounding. Unusable settings are reported, defaults used. */
    private TillSettings tillSettings() {
        TillSettingsFile file = new TillSettingsFile(data);
        TillSettings settings;
        try {
            settings = file.load();
        } catch (TillSettingsFile.Invalid e) {
            // The language setting itself may be what is wrong: these are said in the computer's language.
            TillWords words = new TillWords(TillWords.localeFor(TillSettings.Language.SYSTEM, Locale.getDefault()));
            err.println(words.say(TillMessage.of(TillMessage.Code.START_SETTINGS_UNUSABLE)));
            e.problems().forEach(problem -> err.println("  " + words.say(problem)));
            settings = TillSettings.defaults();
        } catch (IOException e) {
            LOG.atWarn().setMessage("start.settingsUnreadable").addKeyValue("file", file.path()).setCause(e).log();
            TillWords words = new TillWords(TillWords.localeFor(TillSettings.Language.SYSTEM, Locale.getDefault()));
            err.println(words.say(TillMessage.of(TillMessage.Code.SETTINGS_UNREADABLE, file.path().toString())));
            settings = TillSettings.defaults();
        }
        return rounding == null ? settings
                : settings.withCashRounding(rounding);
    }

    /** How the screens tell a keyboard-wedge scanner from a person, from devices.properties. */
    private WedgeTiming wedgeTiming() {
        try {
            return new DeviceSettingsFile(data).load().scanner().wedge();
        } catch (IOException | InvalidSettingsException e) {
            return WedgeTiming.DEFAULT;
        }
    }
}
