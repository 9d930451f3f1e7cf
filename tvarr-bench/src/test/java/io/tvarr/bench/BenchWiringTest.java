package io.tvarr.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The end-to-end benches measure tvarr as it is assembled for users: they build a {@code Tvarr} core and call its
 * use cases, so a change of wiring is measured rather than copied by hand a third time. Driving a source handler
 * directly stays allowed: a "parse only" figure measures an adapter in isolation, not a wiring.
 */
@AnalyzeClasses(packages = "io.tvarr.bench", importOptions = ImportOption.DoNotIncludeTests.class)
class BenchWiringTest {
    @ArchTest
    static final ArchRule end_to_end_benches_do_not_wire_stores_or_services_by_hand = noClasses()
            .that()
            .resideInAnyPackage("io.tvarr.bench.ingest..", "io.tvarr.bench.epg..", "io.tvarr.bench.pipeline..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.tvarr.persistence..", "io.tvarr.pipeline..", "io.tvarr.domain..service..")
            .orShould()
            .dependOnClassesThat()
            .haveSimpleNameEndingWith("Repository")
            .because("the benches use the core: one wiring, not three (issue 12)");
}
