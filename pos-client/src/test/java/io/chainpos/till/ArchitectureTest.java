package io.chainpos.till;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = {"io.chainpos.till", "io.chainpos.model"}, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule sharedModelIsPure = noClasses().that().resideInAPackage("io.chainpos.model..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jdbi..", "io.javalin..", "okhttp3..",
                    "java.sql..", "io.chainpos.till..", "io.chainpos.server..")
            .because("shared-model is the pure core the till and the server both build on (DESIGN.md modules)");

    @ArchTest
    static final ArchRule viewsDoNotReachTheDatabase = noClasses().that().resideInAPackage("io.chainpos.till.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "java.sql..", "org.sqlite..",
                    "org.flywaydb..", "io.chainpos.till.ledger..", "okhttp3..")
            .allowEmptyShould(true)
            .because("views bind to view-models and view-models call use-cases; a view that queries the ledger "
                    + "would block the JavaFX thread on disk and skip the rules (STYLE.md)");

    @ArchTest
    static final ArchRule onlyStorageAdaptersTouchJdbi = noClasses().that().resideInAPackage("io.chainpos.till..")
            .and().resideOutsideOfPackage("io.chainpos.till.ledger..")
            .and().haveSimpleNameNotEndingWith("Store")
            .and().haveSimpleNameNotEndingWith("Projection")
            .and().haveSimpleNameNotStartingWith("Sqlite")
            .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "java.sql..", "org.sqlite..", "org.flywaydb..")
            .because("use-cases stay plain Java that pass a transaction to the feature stores; only storage adapters "
                    + "(the ledger, *Store, *Projection and Sqlite* classes) speak SQL (STYLE.md)");

    @ArchTest
    static final ArchRule oneWayToTalkSql = noClasses().that().resideInAPackage("io.chainpos.till..")
            .and().haveNameNotMatching("io\\.chainpos\\.till\\.ledger\\.ReusedStatements(\\$.*)?")
            .should().dependOnClassesThat().belongToAnyOf(java.sql.Connection.class, java.sql.Statement.class,
                    java.sql.PreparedStatement.class, javax.sql.DataSource.class)
            .because("the till talks SQL one way, through Jdbi on the ledger's two connections, whose statements "
                    + "ReusedStatements keeps for reuse; a static statement cache or raw JDBC beside it was a second "
                    + "and third way with their own lifetimes and error handling (issue 13)");

    @ArchTest
    static final ArchRule ledgerPartsAreUsedThroughTheirPorts = noClasses().that().resideOutsideOfPackage("io.chainpos.till.ledger..")
            .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe("are the ledger's SQLite parts",
                    type -> type.getPackageName().equals("io.chainpos.till.ledger")
                            && (type.getSimpleName().startsWith("Sqlite") || type.getSimpleName().equals("LedgerFile"))))
            .because("the log, the till's registration, the sync marks and the remote events are each a port "
                    + "(Ledger, TillRegistration, SyncMarks, RemoteEvents); features depend on what a part does, not "
                    + "on how the file keeps it (issue 13)");

    @ArchTest
    static final ArchRule printerReadsReceiptsThroughItsPort = noClasses().that().resideInAPackage("io.chainpos.till.device..")
            .and().doNotHaveSimpleName("PrintJobStore")
            .should().callMethod(io.chainpos.till.ledger.LedgerSession.class, "handle")
            .orShould().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "java.sql..")
            .because("the print queue keeps its own tables (PrintJobStore) and reads the sales and events it prints "
                    + "through ReceiptSources; the ledger's tables may change without the printer knowing (issue 13)");

    @ArchTest
    static final ArchRule onlyTheSyncAdapterSpeaksHttp = noClasses().that().resideInAPackage("io.chainpos.till..")
            .and().haveSimpleNameNotStartingWith("OkHttp")
            .and().doNotHaveSimpleName("TillMain")
            .should().dependOnClassesThat().resideInAnyPackage("okhttp3..")
            .because("the network is a port (SyncApi); only its OkHttp adapter knows HTTP, and the composition "
                    + "root (TillMain) that builds it");

    @ArchTest
    static final ArchRule syncStatusIsPlainJava = noClasses().that().resideInAPackage("io.chainpos.till.sync..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("the screens bind to SyncState through their view-model; sync itself knows no UI toolkit, so "
                    + "its status is tested without a screen (issue 5)");

    @ArchTest
    static final ArchRule onlyDevicesTouchHardwareLibraries = noClasses().that().resideInAPackage("io.chainpos.till..")
            .and().resideOutsideOfPackage("io.chainpos.till.device..")
            .should().dependOnClassesThat().resideInAnyPackage("com.github.anastaciocintra..", "com.fazecast.jSerialComm..",
                    "com.google.zxing..")
            .because("printers, serial ports and QR codes sit behind the device ports (ReceiptPrinter, CashDrawer, "
                    + "ScanSource, CustomerDisplay); screens and use-cases never see bytes or ports (DESIGN.md, STYLE.md)");

    @ArchTest
    static final ArchRule screensGetTheMemberCodeFromItsUseCase = noClasses().that().resideInAPackage("io.chainpos.till.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("com.google.zxing..")
            .orShould().dependOnClassesThat().belongToAnyOf(io.chainpos.till.device.qr.MemberQrCodes.class,
                    io.chainpos.till.device.qr.QrCodes.class)
            .because("the member screen shows the member's QR code as a picture from the MemberCardCode use-case; "
                    + "how a code is drawn is the device layer's business");

    @ArchTest
    static final ArchRule javaFxOnlyInViewsAndFxAdapters = noClasses().that().resideInAPackage("io.chainpos.till..")
            .and().resideOutsideOfPackage("io.chainpos.till.ui..")
            .and().haveNameNotMatching(".*\\.Fx[^.]*")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("use-cases and devices are plain Java tested without a screen; only views and the JavaFX "
                    + "adapters (Fx*, such as the keyboard-wedge scanner's scene filter) touch JavaFX (STYLE.md)");

    @ArchTest
    static final ArchRule devicePackagesHaveNoCycles = slices().matching("io.chainpos.till.device.(*)..").should()
            .beFreeOfCycles()
            .because("printer, drawer, scanner, display and QR code each change alone; the drawer uses the printer, "
                    + "never the other way round");

    @ArchTest
    static final ArchRule devicesDoNotReachIntoScreensOrSelling = noClasses().that().resideInAPackage("io.chainpos.till.device..")
            .should().dependOnClassesThat().resideInAnyPackage("io.chainpos.till.ui..", "io.chainpos.till.cli..",
                    "io.chainpos.till.sale..", "io.chainpos.till.sync..")
            .because("devices print and open what the ledger committed; they never decide a sale or drive a screen");

    @ArchTest
    static final ArchRule useCasesDoNotReachIntoTheCommandLine = noClasses().that().resideInAPackage("io.chainpos.till..")
            .and().resideOutsideOfPackage("io.chainpos.till.cli..")
            .and().doNotHaveSimpleName("TillMain")
            .and().doNotHaveSimpleName("TillAssembly")
            .should().dependOnClassesThat().resideInAPackage("io.chainpos.till.cli..")
            .because("the command line is one edge over the use-cases; the screens are another, and neither may be "
                    + "where a rule lives");

    @ArchTest
    static final ArchRule viewModelsDoNotTouchTheScene = noClasses().that().resideInAPackage("io.chainpos.till.ui..")
            .and(viewModelsAndTheirPlumbing())
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application..")
            .because("view-models expose observable state (javafx.beans) and call use-cases through Tasks and the "
                    + "DialogService; what is drawn and on which thread is the views' business, so every view-model "
                    + "is tested without a screen (STYLE.md)");

    @ArchTest
    static final ArchRule useCasesDoNotKnowTheScreens = noClasses().that().resideInAPackage("io.chainpos.till..")
            .and().resideOutsideOfPackage("io.chainpos.till.ui..")
            .and().haveNameNotMatching("io\\.chainpos\\.till\\.(TillMain|TillAssembly|AppStartup)(\\$.*)?")
            .should().dependOnClassesThat().resideInAPackage("io.chainpos.till.ui..")
            .because("the screens are an edge over the use-cases, like the command line; only the composition root "
                    + "builds them");

    /** View-models (…ViewModel, PanelModel) and the plain UI plumbing in the ui package itself (Tasks, Notice…). */
    private static com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass> viewModelsAndTheirPlumbing() {
        return com.tngtech.archunit.base.DescribedPredicate.describe("are view-models or the ui package's plumbing",
                type -> type.getSimpleName().endsWith("ViewModel") || type.getSimpleName().endsWith("Model")
                        || type.getName().contains("ViewModel$") || type.getPackageName().equals("io.chainpos.till.ui"));
    }

    @ArchTest
    static final ArchRule onlyTheImportsReadCsv = noClasses().that().resideInAPackage("io.chainpos.till..")
            .and().resideOutsideOfPackages("io.chainpos.till.catalog..", "io.chainpos.till.member..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.commons.csv..")
            .because("CSV is how owners bring their product lists and their members from another system; the catalog "
                    + "and member imports are its only readers");

    @ArchTest
    static final ArchRule memberKeysStayInTheMemberFeature = noClasses().that().resideInAPackage("io.chainpos.till..")
            .and().resideOutsideOfPackages("io.chainpos.till.member..", "io.chainpos.till.sync..")
            .should().dependOnClassesThat().haveFullyQualifiedName("io.chainpos.model.member.MemberKey")
            .because("a member's data key opens their personal data: only the member feature and the key channel "
                    + "of the sync agent hold one (issue 4)");

    @ArchTest
    static final ArchRule loyaltyKnowsNothingOfSelling = noClasses().that().resideInAPackage("io.chainpos.till.loyalty..")
            .should().dependOnClassesThat().resideInAnyPackage("io.chainpos.till.sale..", "io.chainpos.till.refund..")
            .because("a sale calls the loyalty steps (tier, offline limit, earning) inside its transaction; top-ups, "
                    + "rewards and the expiry report stand on their own, so loyalty must not need selling back");

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices().matching("io.chainpos.till.(*)..").should().beFreeOfCycles()
            .because("features depend on the ledger and on each other one way only, so each can change alone");

    @ArchTest
    static final ArchRule noConsoleOutputOutsideEntryPoints = noClasses().that().resideInAPackage("io.chainpos.till..")
            .and().resideOutsideOfPackage("io.chainpos.till.cli..")
            .and().doNotHaveSimpleName("TillMain")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .because("the till logs through SLF4J; only command-line entry points print");
}
