package cn.nantong.livingcircle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import cn.nantong.livingcircle.system.Neo4jSessions;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/** Package-by-feature boundaries. */
class ArchitectureTests {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.nantong.livingcircle");
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("cn.nantong.livingcircle.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void walkingEngineIsPlainJavaWithoutSpringNeo4jOrGraphQl() {
        noClasses().that().resideInAPackage("cn.nantong.livingcircle.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.neo4j..",
                        "graphql..", "jakarta..", "com.fasterxml..", "tools.jackson..", "org.slf4j..")
                .check(classes);
    }

    @Test
    void walkingEngineDependsOnNoFeatureOfTheApplication() {
        noClasses().that().resideInAPackage("cn.nantong.livingcircle.engine..")
                .should().dependOnClassesThat(resideInAPackage("cn.nantong.livingcircle..")
                        .and(resideOutsideOfPackage("cn.nantong.livingcircle.engine..")))
                .check(classes);
    }

    @Test
    void onlyTheSystemPackageKnowsTheEmbeddedDatabase() {
        noClasses().that().resideOutsideOfPackage("..system..")
                .should().dependOnClassesThat().resideInAnyPackage("org.neo4j.dbms..", "org.neo4j.kernel..",
                        "org.neo4j.configuration..")
                .check(classes);
    }

    @Test
    void plainDriverSessionsOpenOnlyThroughNeo4jSessionsSoTheConfiguredDatabaseIsHonoured() {
        noClasses().that().doNotHaveFullyQualifiedName(Neo4jSessions.class.getName())
                .should().callMethod(Driver.class, "session")
                .orShould().callMethod(Driver.class, "session", SessionConfig.class)
                .orShould().callMethod(Driver.class, "executableQuery", String.class)
                .check(classes);
    }

    @Test
    void metresAndMillimetresConvertOnlyThroughMillimetres() throws IOException {
        Pattern handWritten = Pattern.compile("[*/] ?1_?000(\\.0)?\\b");
        try (var files = Files.walk(Path.of("src/main/java"))) {
            var offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.endsWith("engine/Millimetres.java"))
                    .flatMap(f -> {
                        try {
                            return Files.readAllLines(f).stream()
                                    // kilometres per hour to metres per minute is no millimetre conversion
                                    .filter(line -> handWritten.matcher(line).find() && !line.contains("nanoTime")
                                            && !line.contains("_000_000") && !line.contains("kilometersPerHour"))
                                    .map(line -> f + ": " + line.strip());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).toList();
            assertThat(offenders).isEmpty();
        }
    }

    @Test
    void apiPackageDependsOnNoFeature() {
        noClasses().that().resideInAPackage("cn.nantong.livingcircle.api..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.nantong.livingcircle.community..",
                        "cn.nantong.livingcircle.place..", "cn.nantong.livingcircle.reachability..",
                        "cn.nantong.livingcircle.importer..", "cn.nantong.livingcircle.catalog..")
                .check(classes);
    }
}
