package id.antrean.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape README's code map promises: features (queue, eligibility, mobilejkn, …) stand on shared mechanics
 * ({@code web}, {@code db}), never the other way round; only {@code app} wires features together; and no two
 * packages need each other.
 */
class ArchitectureTest {
    /** Shared mechanics: what every feature may use, and what uses no feature. */
    private static final String[] SHARED = {"id.antrean.web..", "id.antrean.db.."};
    private static final String[] FEATURES = {"id.antrean.auth..", "id.antrean.bpjs..", "id.antrean.eligibility..",
            "id.antrean.events..", "id.antrean.facility..", "id.antrean.mobilejkn..", "id.antrean.print..",
            "id.antrean.queue..", "id.antrean.reports..", "id.antrean.booking..", "id.antrean.closure..",
            "id.antrean.staff..", "id.antrean.setup..", "id.antrean.profile..", "id.antrean.catalog..",
            "id.antrean.backup..", "id.antrean.track..", "id.antrean.notify.."};

    private static JavaClasses server;

    @BeforeAll
    static void importTheServer() {
        // The server's own classes (Maven runs tests in the module's folder), not the kiosk's on the test class path.
        server = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(Path.of("target", "classes"));
        assertThat(server.contain("id.antrean.app.Antrean")).as("the server's classes were found").isTrue();
    }

    @Test
    void serverPackagesFormNoCycle() {
        ArchRule rule = slices().matching("id.antrean.(*)..").should().beFreeOfCycles();
        rule.check(server);
    }

    @Test
    void theSharedWebAndDatabaseMechanicsDependOnNoFeature() {
        ArchRule rule = noClasses().that().resideInAnyPackage(SHARED)
                .should().dependOnClassesThat().resideInAnyPackage(FEATURES);
        rule.check(server);
    }

    @Test
    void noFeatureDependsOnTheApplicationThatWiresThem() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("id.antrean.app..")
                .should().dependOnClassesThat().resideInAPackage("id.antrean.app..");
        rule.check(server);
    }
}
