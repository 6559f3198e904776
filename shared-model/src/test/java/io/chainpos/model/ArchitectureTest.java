package io.chainpos.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.chainpos.model", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule sharedModelIsPure = noClasses().that().resideInAPackage("io.chainpos.model..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "javafx..", "org.jdbi..", "io.javalin..", "okhttp3..", "java.sql..", "javax.sql..",
                    "java.net.http..", "org.slf4j..", "io.chainpos.till..", "io.chainpos.server..")
            .because("shared-model is the pure core both the till and the server build on: JDK and Jackson only, "
                    + "no UI, storage, HTTP or logging, so every rule in it is testable without I/O (DESIGN.md modules)");

    @ArchTest
    static final ArchRule sellingRulesReadNoClock = noClasses().that().resideInAnyPackage("io.chainpos.model.pricing..",
                    "io.chainpos.model.promotion..", "io.chainpos.model.sale..", "io.chainpos.model.scan..",
                    "io.chainpos.model.loyalty..")
            .should().dependOnClassesThat().areAssignableTo(java.time.Clock.class)
            .orShould().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(java.time.LocalDate.class, "now")
            .orShould().callMethod(java.time.LocalDateTime.class, "now")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .because("pricing, promotions, tenders, refunds and shift reports are pure functions of their inputs: the "
                    + "caller passes the moment, so the same cart and rules always price the same (STYLE.md)");

    @ArchTest
    static final ArchRule noConsoleOutput = noClasses().that().resideInAPackage("io.chainpos.model..")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .because("the model reports through return values and exceptions, never by printing");
}
