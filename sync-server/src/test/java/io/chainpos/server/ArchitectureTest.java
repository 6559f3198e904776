package io.chainpos.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.base.DescribedPredicate;

/** The sync server's dependency rules from DESIGN.md and STYLE.md, each with its reason. */
@AnalyzeClasses(packages = "io.chainpos.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The packages of the server's features: each owns its routes, use-cases, port, SQL and projection. */
    private static final String[] FEATURES = {"io.chainpos.server.auth..", "io.chainpos.server.member..",
            "io.chainpos.server.loyalty..", "io.chainpos.server.stock..", "io.chainpos.server.exception..",
            "io.chainpos.server.sync..", "io.chainpos.server.catalog..", "io.chainpos.server.headoffice..",
            "io.chainpos.server.demo..", "io.chainpos.server.web..", "io.chainpos.server.audit..", "io.chainpos.server.home..",
            "io.chainpos.server.tills..", "io.chainpos.server.stores..", "io.chainpos.server.promotion..", "io.chainpos.server.sales..",
            "io.chainpos.server.care.."};

    /** The top-level class's simple name: a lambda's or a nested record's rules are its enclosing class's. */
    private static String topLevelName(JavaClass c) {
        String name = c.getBaseComponentType().getName(); // an array's element type
        name = name.substring(name.lastIndexOf('.') + 1);
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }

    private static final DescribedPredicate<JavaClass> JDBC_ADAPTER =
            DescribedPredicate.describe("a Jdbc* storage adapter", c -> topLevelName(c).startsWith("Jdbc"));

    private static final DescribedPredicate<JavaClass> IN_DB_PACKAGE =
            DescribedPredicate.describe("in the db package", c -> c.getPackageName().startsWith("io.chainpos.server.db"));

    @ArchTest
    static final ArchRule onlyTheDbPackageAndJdbcAdaptersTouchTheDatabase = noClasses()
            .that(DescribedPredicate.not(IN_DB_PACKAGE.or(JDBC_ADAPTER)))
            .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "java.sql..", "javax.sql..",
                    "org.flywaydb..", "org.sqlite..", "com.zaxxer..")
            .because("SQL lives in one place per feature, its Jdbc* adapter, over the db package's connections, so "
                    + "PostgreSQL can replace SQLite without touching a use-case or a handler");

    @ArchTest
    static final ArchRule routesAndUseCasesReachStorageOnlyThroughPorts = noClasses()
            .that().resideInAnyPackage(FEATURES)
            .and(DescribedPredicate.not(JDBC_ADAPTER))
            .should().dependOnClassesThat(JDBC_ADAPTER)
            .orShould().dependOnClassesThat().resideInAPackage("io.chainpos.server.db..")
            .because("routes translate HTTP and use-cases decide; they call a feature's port (Members, StockLevels, "
                    + "EventLog...), and only the composition root picks the adapter: SQL in a handler is the legacy POS we are not");

    @ArchTest
    static final ArchRule aFeatureNeverUsesAnotherFeaturesAdapter = classes()
            .that().resideInAnyPackage(FEATURES)
            .should(new ArchCondition<JavaClass>("use only its own feature's Jdbc* adapters") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                        JavaClass target = d.getTargetClass();
                        if (JDBC_ADAPTER.test(target) && target.getPackageName().startsWith("io.chainpos.server.")
                                && !target.getPackageName().equals(origin.getPackageName())) {
                            events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                        }
                    }
                }
            })
            .because("a feature reaches another only through its port, so either can change its tables alone");

    private static boolean dependsOn(JavaClass origin, Class<?> target) {
        return origin.getDirectDependenciesFromSelf().stream().anyMatch(d -> d.getTargetClass().isEquivalentTo(target));
    }

    @ArchTest
    static final ArchRule reportAdaptersCannotWrite = classes()
            .that(JDBC_ADAPTER)
            .should(new ArchCondition<JavaClass>("not hold both ReportReads and Database") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    if (dependsOn(origin, io.chainpos.server.db.ReportReads.class) && dependsOn(origin, io.chainpos.server.db.Database.class)) {
                        events.add(SimpleConditionEvent.violated(origin, origin.getName() + " reads through ReportReads and also holds a Database"));
                    }
                }
            })
            .because("an adapter built on ReportReads may be given the read replica: with the primary's Database beside it, "
                    + "it could write, or read its own write from a replica that has not applied it yet");

    @ArchTest
    static final ArchRule whatTillsReadNeverComesFromTheReplica = noClasses()
            .that().resideInAnyPackage("io.chainpos.server.sync..", "io.chainpos.server.auth..", "io.chainpos.server.log..",
                    "io.chainpos.server.tills..", "io.chainpos.server.headoffice..", "io.chainpos.server.exception..",
                    "io.chainpos.server.web..")
            .should().dependOnClassesThat().areAssignableTo(io.chainpos.server.db.ReplicaReads.class)
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.chainpos.server.db.ReportReads")
            .because("pull, push, snapshot and enrollment, sign-in and sessions, head office's events and the exception "
                    + "counts must see every commit at once: they read the primary, and only the reports' adapters may lag");

    @ArchTest
    static final ArchRule theLogKnowsNoFeature = noClasses()
            .that().resideInAPackage("io.chainpos.server.log..")
            .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
            .orShould().dependOnClassesThat().resideInAnyPackage("io.chainpos.server.http..", "io.chainpos.server.metrics..",
                    "io.chainpos.server.cli..")
            .because("the log stores, orders and serves events for every feature; features plug in as projections "
                    + "and findings, so adding one never changes the log");

    @ArchTest
    static final ArchRule theDatabasePackageKnowsNothingAboveIt = classes()
            .that().resideInAPackage("io.chainpos.server.db..")
            .should().onlyDependOnClassesThat(DescribedPredicate.describe("outside the server, or in db",
                    (JavaClass c) -> !c.getPackageName().startsWith("io.chainpos.server")
                            || c.getPackageName().startsWith("io.chainpos.server.db")))
            .because("connections, transactions and migrations serve every feature and the log alike");

    @ArchTest
    static final ArchRule noConsoleOutputOutsideTheCommandLine = noClasses()
            .that().resideOutsideOfPackage("io.chainpos.server.cli..")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .orShould().callMethod(Throwable.class, "printStackTrace")
            .because("the server logs through SLF4J; standard output belongs to the commands (enroll prints only its code)");

    @ArchTest
    static final ArchRule mergeRulesArePure = classes()
            .that().resideInAPackage("io.chainpos.server.merge..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.chainpos.server.merge..", "io.chainpos.model..",
                    "java..", "com.fasterxml.jackson.databind..")
            .because("merge rules are pure functions over records: no I/O, no clock read, tested without a database");

    @ArchTest
    static final ArchRule onlyTheEdgesCountForPrometheus = noClasses()
            .that().resideOutsideOfPackages("io.chainpos.server.metrics..", "io.chainpos.server.sync..")
            .should().dependOnClassesThat().resideInAnyPackage("io.micrometer..", "io.prometheus..")
            .because("metrics are counted where requests are answered (sync) and exposed in one place (metrics); "
                    + "the event log, the features' adapters and the merge rules stay free of monitoring concerns");

    @ArchTest
    static final ArchRule pagesUseTheGateNotJavalin = noClasses()
            .that().implement("io.chainpos.server.web.PageFeature")
            .and().resideOutsideOfPackage("io.chainpos.server.web")
            .should().dependOnClassesThat().resideInAPackage("io.javalin..")
            .because("a page route is registered on Pages with the access it needs and answers through PageRequest, so "
                    + "the role, store and CSRF checks run for every page and the role table test sees every route");

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices()
            .matching("io.chainpos.server.(*)..")
            .should().beFreeOfCycles()
            .because("features depend on the edge (http), the log and each other's ports, never in circles");

    @ArchTest
    static final ArchRule useCasesDoNotKnowHttp = noClasses()
            .that().haveSimpleNameNotEndingWith("Routes")
            .and().haveSimpleNameNotEndingWith("Access")
            .and().resideInAnyPackage("io.chainpos.server.auth..", "io.chainpos.server.sync..",
                    "io.chainpos.server.headoffice..", "io.chainpos.server.demo..", "io.chainpos.server.log..",
                    "io.chainpos.server.db..", "io.chainpos.server.member..", "io.chainpos.server.stock..",
                    "io.chainpos.server.exception..", "io.chainpos.server.loyalty..", "io.chainpos.server.audit..",
                    "io.chainpos.server.home..", "io.chainpos.server.tills..")
            .should().dependOnClassesThat().resideInAPackage("io.javalin..")
            .because("use-cases return results; only the routes turn them into HTTP");
}
