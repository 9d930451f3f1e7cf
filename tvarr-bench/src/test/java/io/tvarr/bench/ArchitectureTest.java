package io.tvarr.bench;

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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The module boundaries of the hexagon and the inner rules of the core, checked on the compiled classes of every
 * module. It lives here because tvarr-bench is the one module that sees all the others, itself included.
 */
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

    @ArchTest
    static final ArchRule only_the_app_and_its_users_depend_on_the_app = noClasses()
            .that()
            .resideOutsideOfPackages("io.tvarr.app..", "io.tvarr.bench..", "io.tvarr.examples..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.tvarr.app..");

    @ArchTest
    static final ArchRule main_code_never_reads_the_wall_clock = noClasses()
            .that()
            .doNotHaveFullyQualifiedName("io.tvarr.app.SystemClock")
            .should()
            .callMethod(Instant.class, "now")
            .orShould()
            .callMethod(System.class, "currentTimeMillis")
            .orShould()
            .callMethod(LocalDateTime.class, "now")
            .orShould()
            .callMethod(LocalDate.class, "now")
            .orShould()
            .callMethod(ZonedDateTime.class, "now")
            .orShould()
            .callMethod(OffsetDateTime.class, "now")
            .orShould()
            .callMethod(Clock.class, "systemUTC")
            .orShould()
            .callMethod(Clock.class, "systemDefaultZone")
            .because("time comes from the Clock the core is built with, so tests and embedders can move it");

    @ArchTest
    static final ArchRule benches_and_examples_build_on_the_core = noClasses()
            .that()
            .resideInAnyPackage("io.tvarr.bench..", "io.tvarr.examples..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.tvarr.persistence..", "io.tvarr.domain..service..")
            .orShould()
            .dependOnClassesThat()
            .haveSimpleNameEndingWith("Repository")
            .because("they assemble tvarr through the Tvarr core, not by wiring stores and services by hand");

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
