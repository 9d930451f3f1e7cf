package io.tvarr.bench;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.Slice;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.regex.Matcher;
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

    /** io.tvarr.domain.(feature)..; group 2 is set when the package is the feature's service layer. */
    private static final Pattern DOMAIN_FEATURE =
            Pattern.compile("io\\.tvarr\\.domain\\.([^.]+)(\\.service(?:\\..*)?)?");
    /** The port tvarr-expression implements, and the types it hands out through it. */
    private static final Set<String> EXPRESSION_LANGUAGE_PORT = Set.of(
            "io.tvarr.domain.filter.port.out.ExpressionLanguage", "io.tvarr.domain.filter.port.out.ExpressionTrial");

    private static DescribedPredicate<JavaClass> areDrivenPorts() {
        return JavaClass.Predicates.resideInAPackage("io.tvarr.domain..port.out..")
                .as("a driven port");
    }

    private static DescribedPredicate<JavaClass> areDrivenPortsOtherThanTheExpressionLanguage() {
        return DescribedPredicate.describe(
                "are driven ports other than the expression language",
                type -> areDrivenPorts().test(type)
                        && !EXPRESSION_LANGUAGE_PORT.contains(type.getName().replaceFirst("\\$.*", "")));
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

    /**
     * A feature reaches another feature through its ports and model, never through its services, so each
     * service can change without the features that use it.
     */
    @ArchTest
    static final ArchRule domain_features_do_not_use_each_others_services =
            classes().that().resideInAPackage("io.tvarr.domain..").should(useNoServiceOfAnotherFeature());

    private static ArchCondition<JavaClass> useNoServiceOfAnotherFeature() {
        return new ArchCondition<>("use no service of another domain feature") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String own = feature(origin);
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    Matcher target = DOMAIN_FEATURE.matcher(
                            dependency.getTargetClass().getBaseComponentType().getPackageName());
                    if (target.matches()
                            && target.group(2) != null
                            && !target.group(1).equals(own)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static String feature(JavaClass origin) {
        Matcher own = DOMAIN_FEATURE.matcher(origin.getPackageName());
        return own.lookingAt() ? own.group(1) : "";
    }

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

    /** Previews and other use cases that read stored data belong to the domain; the language reads nothing. */
    @ArchTest
    static final ArchRule expression_reads_no_repository = noClasses()
            .that()
            .resideInAPackage("io.tvarr.expression..")
            .should()
            .dependOnClassesThat(areDrivenPortsOtherThanTheExpressionLanguage());

    /** Driven ports are implemented by adapters; the pipeline only uses them (logos went pipeline -> domain -> pipeline). */
    @ArchTest
    static final ArchRule pipeline_implements_no_driven_port =
            noClasses().that().resideInAPackage("io.tvarr.pipeline..").should().implement(areDrivenPorts());

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

    /** Adapters are reached only through ports: the driving adapter calls use cases, never services or driven ports. */
    @ArchTest
    static final ArchRule http_reaches_the_domain_only_through_use_cases = noClasses()
            .that()
            .resideInAPackage("io.tvarr.http..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.tvarr.domain..port.out..", "io.tvarr.domain..service..");

    /**
     * The web pages (and the templates compiled into {@code io.tvarr.http.web.template}) show what the use cases
     * answer, like the REST API: no repository, service, pipeline, ingestion or relay internals behind their back.
     */
    @ArchTest
    static final ArchRule web_pages_use_only_use_cases_and_the_domain_model = noClasses()
            .that()
            .resideInAPackage("io.tvarr.http.web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.tvarr.domain..port.out..",
                    "io.tvarr.domain..service..",
                    "io.tvarr.persistence..",
                    "io.tvarr.pipeline..",
                    "io.tvarr.ingest..",
                    "io.tvarr.relay..",
                    "io.tvarr.expression..",
                    "io.tvarr.app..");

    /** JsonBodies refuses text/plain (cross-site) bodies, null and oversized ones: no route may bypass it. */
    @ArchTest
    static final ArchRule http_routes_read_json_bodies_only_through_json_bodies = noClasses()
            .that()
            .resideInAPackage("io.tvarr.http..")
            .and()
            .doNotHaveFullyQualifiedName("io.tvarr.http.JsonBodies")
            .should()
            .callMethod("io.javalin.http.Context", "bodyAsClass", "java.lang.Class")
            .orShould()
            .callMethod("io.javalin.http.Context", "bodyAsClass", "java.lang.reflect.Type")
            .orShould()
            .callMethod("io.javalin.http.Context", "bodyStreamAsClass", "java.lang.reflect.Type");

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
            .resideInAnyPackage("io.tvarr.persistence..", "io.tvarr.pipeline..", "io.tvarr.domain..service..")
            .orShould()
            .dependOnClassesThat()
            .haveSimpleNameEndingWith("Repository")
            .because("they assemble tvarr through the Tvarr core, not by wiring stores and services by hand;"
                    + " a \"parse only\" figure may still drive a source handler, an adapter measured alone");

    @ArchTest
    static final ArchRule modules_are_free_of_cycles =
            slices().matching("io.tvarr.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule packages_are_free_of_cycles =
            slices().matching("io.tvarr.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule no_package_is_named_util_or_common =
            noClasses().should().resideInAnyPackage("..util..", "..utils..", "..common..", "..helper..", "..helpers..");

    /** The queue, the scheduler and the job use cases are domain services; the app only assembles them. */
    @ArchTest
    static final ArchRule the_job_engine_lives_in_the_domain = noClasses()
            .that()
            .resideInAPackage("io.tvarr.app..")
            .should()
            .haveNameMatching(".*\\.Job\\w*(Queue|Scheduler)")
            .orShould()
            .implement(resideInAPackage("io.tvarr.domain..port.in.."));
}
