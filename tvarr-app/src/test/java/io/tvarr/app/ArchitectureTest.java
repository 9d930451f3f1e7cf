package io.tvarr.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.Slice;
import java.util.Set;
import java.util.regex.Pattern;

/** The module boundaries of the hexagon, checked on the compiled classes of every module. */
@AnalyzeClasses(packages = "io.tvarr", importOptions = ArchitectureTest.ProductionCodeOnly.class)
class ArchitectureTest {
    private static final Set<String> ADAPTERS = Set.of("ingest", "relay", "persistence", "http");

    /** Leaves out test classes, including the test-jars modules share (TestData and friends). */
    static final class ProductionCodeOnly implements ImportOption {
        private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar.*");

        @Override
        public boolean includes(Location location) {
            return !location.contains("/test-classes/") && !location.matches(TEST_JAR);
        }
    }

    private static DescribedPredicate<Slice> areAdapters() {
        return DescribedPredicate.describe("are adapters", slice -> ADAPTERS.contains(slice.getNamePart(1)));
    }

    @ArchTest
    static final ArchRule domain_depends_on_nothing_but_the_jdk_and_slf4j = classes()
            .that()
            .resideInAPackage("io.tvarr.domain..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("io.tvarr.domain..", "java..", "org.slf4j..", "org.jspecify..");

    @ArchTest
    static final ArchRule expression_depends_on_no_adapter = noClasses()
            .that()
            .resideInAPackage("io.tvarr.expression..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.tvarr.ingest..",
                    "io.tvarr.relay..",
                    "io.tvarr.persistence..",
                    "io.tvarr.http..",
                    "io.tvarr.pipeline..",
                    "io.tvarr.app..");

    @ArchTest
    static final ArchRule pipeline_depends_on_no_adapter = noClasses()
            .that()
            .resideInAPackage("io.tvarr.pipeline..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.tvarr.ingest..",
                    "io.tvarr.relay..",
                    "io.tvarr.persistence..",
                    "io.tvarr.http..",
                    "io.tvarr.app..");

    @ArchTest
    static final ArchRule adapters_do_not_depend_on_each_other =
            slices().matching("io.tvarr.(*)..").that(areAdapters()).should().notDependOnEachOther();

    // Scoped to the relay and proxy routes for now; the job routes' event stream is being moved to a use case
    // elsewhere, and the rule widens to io.tvarr.http.. once it has.
    @ArchTest
    static final ArchRule http_reaches_the_domain_only_through_use_cases = noClasses()
            .that()
            .resideInAnyPackage("io.tvarr.http.relay..", "io.tvarr.http.proxy..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.tvarr.domain..port.out..");

    @ArchTest
    static final ArchRule only_the_app_depends_on_the_app = noClasses()
            .that()
            .resideOutsideOfPackage("io.tvarr.app..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.tvarr.app..");

    @ArchTest
    static final ArchRule modules_are_free_of_cycles =
            slices().matching("io.tvarr.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule packages_are_free_of_cycles =
            slices().matching("io.tvarr.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule no_package_is_named_util_or_common =
            noClasses().should().resideInAnyPackage("..util..", "..utils..", "..common..", "..helper..", "..helpers..");
}
