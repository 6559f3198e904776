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
    static final ArchRule noConsoleOutput = noClasses().that().resideInAPackage("io.chainpos.model..")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .because("the model reports through return values and exceptions, never by printing");
}
