package io.chainpos.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.base.DescribedPredicate;

/** The sync server's dependency rules from DESIGN.md and STYLE.md, each with its reason. */
@AnalyzeClasses(packages = "io.chainpos.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final DescribedPredicate<JavaClass> STORAGE_ADAPTER =
            DescribedPredicate.describe("a storage adapter (the db and store packages, or a Jdbc* or Sqlite* class of a feature)",
                    c -> c.getPackageName().startsWith("io.chainpos.server.store") || c.getPackageName().startsWith("io.chainpos.server.db")
                            || isJdbcAdapter(c));

    /** A feature's own SQL: a class named Jdbc* (or nested in one) in any feature package. */
    private static boolean isJdbcAdapter(JavaClass c) {
        String outer = c.getName().substring(c.getPackageName().length() + 1).split("\\$")[0];
        return outer.startsWith("Jdbc") || outer.startsWith("Sqlite");
    }

    @ArchTest
    static final ArchRule onlyStorageAdaptersTouchTheDatabase = noClasses()
            .that(DescribedPredicate.not(STORAGE_ADAPTER))
            .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "java.sql..", "javax.sql..",
                    "org.flywaydb..", "org.sqlite..", "com.zaxxer..")
            .because("storage sits behind ports (EventStore, AccountStore, a feature's own interfaces) implemented by Jdbc* "
                    + "classes, so PostgreSQL can replace SQLite without touching a use-case, a handler or a page");

    private static final DescribedPredicate<JavaClass> HTTP_HANDLER =
            DescribedPredicate.describe("HTTP handlers (classes using Javalin)", c -> c.getDirectDependenciesFromSelf().stream()
                    .anyMatch(d -> d.getTargetClass().getPackageName().startsWith("io.javalin")));

    private static final DescribedPredicate<JavaClass> COMPOSITION_ROOT =
            DescribedPredicate.describe("the composition root", c -> c.getName().equals("io.chainpos.server.ServerMain"));

    private static final DescribedPredicate<JavaClass> PAGE =
            DescribedPredicate.describe("head office's pages (classes using PageRequest)", c -> c.getDirectDependenciesFromSelf().stream()
                    .anyMatch(d -> d.getTargetClass().getName().equals("io.chainpos.server.web.PageRequest")));

    @ArchTest
    static final ArchRule httpHandlersReachStorageOnlyThroughPorts = noClasses()
            .that(DescribedPredicate.or(HTTP_HANDLER, PAGE)).and(DescribedPredicate.not(COMPOSITION_ROOT))
            .should().dependOnClassesThat(DescribedPredicate.describe("a storage adapter class",
                    (JavaClass c) -> c.getSimpleName().startsWith("Sqlite") || c.getSimpleName().startsWith("Jdbc")
                            || c.getSimpleName().equals("SqlSession")))
            .orShould().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "java.sql..")
            .because("handlers translate HTTP and call use-cases or ports; SQL in a handler is the legacy POS we are not");

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
                    + "the event store and the merge rules stay free of monitoring concerns");

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
            // Storage opens the database and builds the store package's adapters until they move to their features.
            .ignoreDependency(DescribedPredicate.describe("db.Storage",
                    (JavaClass c) -> c.getName().equals("io.chainpos.server.db.Storage")), DescribedPredicate.alwaysTrue())
            .because("features depend on the edge (http) and the ports (store), never in circles");

    @ArchTest
    static final ArchRule useCasesDoNotKnowHttp = noClasses()
            .that().haveSimpleNameNotEndingWith("Routes")
            .and().haveSimpleNameNotEndingWith("Access")
            .and().resideInAnyPackage("io.chainpos.server.auth..", "io.chainpos.server.sync..",
                    "io.chainpos.server.headoffice..", "io.chainpos.server.demo..", "io.chainpos.server.store..")
            .should().dependOnClassesThat().resideInAPackage("io.javalin..")
            .because("use-cases return results; only the routes turn them into HTTP");
}
