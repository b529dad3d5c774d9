package io.lanes.testing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * The layering of docs/architecture.md as rules that fail the build. Every module runs them over
 * its own production classes with one line ({@code LayeringRules.check("io.lanes.kpi")}):
 * <ul>
 * <li>{@code ..domain..} is pure: no Quarkus, Jakarta REST, CDI or persistence, Hibernate, Vert.x,
 * Kafka, SmallRye messaging, {@code platform.problem} (HTTP problems) or {@code ..api..} type;</li>
 * <li>{@code ..api..} does no SQL and no Panache;</li>
 * <li>in a service, only {@code ..persistence..} touches the database; {@code eventstore} and
 * {@code platform} are the shared persistence core, {@code testing} checks rows for tests;</li>
 * <li>no cycles between a module's packages.</li>
 * </ul>
 */
public final class LayeringRules {

    /** The database APIs: Hibernate (sessions, native queries), JPA, the Vert.x SQL clients, JDBC. */
    static final String[] DATABASE = {
        "org.hibernate..",
        "jakarta.persistence..",
        "io.vertx.sqlclient..",
        "io.vertx.mutiny.sqlclient..",
        "io.vertx.pgclient..",
        "io.vertx.mutiny.pgclient..",
        "java.sql..",
        "javax.sql.."
    };

    public static final ArchRule DOMAIN_IS_FREE_OF_FRAMEWORKS = noClasses()
            .that()
            .resideInAPackage("..domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.quarkus..",
                    "jakarta.ws.rs..",
                    "jakarta.enterprise..",
                    "jakarta.persistence..",
                    "org.hibernate..",
                    "io.vertx..",
                    "org.apache.kafka..",
                    "io.smallrye.reactive.messaging..",
                    "io.lanes.platform.problem..",
                    "..api..")
            .as("domain classes import no framework, HTTP, persistence or api type")
            .because("the rules of the firm must read, and be tested, without a server")
            .allowEmptyShould(true);

    public static final ArchRule API_DOES_NO_SQL = noClasses()
            .that()
            .resideInAPackage("..api..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(concat(DATABASE, "io.quarkus.hibernate.."))
            .as("api classes do no SQL and no Panache")
            .because("a resource validates, calls a service and maps the result")
            .allowEmptyShould(true);

    public static final ArchRule ONLY_PERSISTENCE_TOUCHES_THE_DATABASE = noClasses()
            .that()
            .resideOutsideOfPackages(
                    "..persistence..", "io.lanes.eventstore..", "io.lanes.platform..", "io.lanes.testing..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(DATABASE)
            .as("only persistence packages (and the shared eventstore, platform and testing) touch the database")
            .because("SQL in one place per service is SQL that can be found, reviewed and changed")
            .allowEmptyShould(true);

    public static final ArchRule NO_PACKAGE_CYCLES = slices().matching("io.lanes.(*).(*)..")
            .should()
            .beFreeOfCycles()
            .as("no cycles between packages")
            .allowEmptyShould(true);

    public static final ArchRule ALL = CompositeArchRule.of(DOMAIN_IS_FREE_OF_FRAMEWORKS)
            .and(API_DOES_NO_SQL)
            .and(ONLY_PERSISTENCE_TOUCHES_THE_DATABASE)
            .and(NO_PACKAGE_CYCLES);

    private LayeringRules() {}

    /** Checks every rule over the production classes under {@code rootPackage}; fails listing each violation. */
    public static void check(String rootPackage) {
        JavaClasses classes = productionClasses(rootPackage);
        // Rules allow an empty "that" (not every module has a domain), so an empty import must not pass unseen.
        if (classes.size() < 2) {
            throw new AssertionError("no production classes found under " + rootPackage);
        }
        ALL.check(classes);
    }

    public static JavaClasses productionClasses(String rootPackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
    }

    private static String[] concat(String[] first, String... more) {
        return Stream.concat(Arrays.stream(first), Arrays.stream(more)).toArray(String[]::new);
    }
}
