package id.antrean.app;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.auth.AuthConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The start message shows the secrets the server made up, never those the operator set. */
class StartBannerTest {
    private static final String BASE = "http://localhost:8080";

    @Test
    void secretsSetInTheEnvironmentAreNotPrinted() {
        Map<String, String> env = Map.of("DEMO_PASSWORD", "sandi-rahasia-operator",
                "DEMO_DEVICE_TOKEN", "token-kios-operator", "DEMO_DISPLAY_TOKEN", "token-layar-operator");

        String banner = StartBanner.demo(BASE, AuthConfig.fromEnv(env), env);

        assertThat(banner).doesNotContain("sandi-rahasia-operator", "token-kios-operator", "token-layar-operator");
        assertThat(banner).contains("(set by DEMO_PASSWORD)", "(set by DEMO_DEVICE_TOKEN)",
                "(set by DEMO_DISPLAY_TOKEN)", BASE + "/display/pkm-demo#token=<DEMO_DISPLAY_TOKEN>");
    }

    @Test
    void randomSecretsArePrintedOnceEach() {
        AuthConfig auth = AuthConfig.fromEnv(Map.of());

        String banner = StartBanner.demo(BASE, auth, Map.of());

        assertThat(banner).contains("password: " + auth.demoPassword(), "Kiosk token   " + auth.demoDeviceToken(),
                "Display token " + auth.demoDisplayToken(),
                BASE + "/display/pkm-demo#token=" + auth.demoDisplayToken());
        // The kiosk's token is for the kiosk agent's configuration: the display's URL carries the display's.
        assertThat(banner.lines().filter(line -> line.contains(auth.demoDeviceToken()))).hasSize(1);
    }

    @Test
    void aBlankVariableCountsAsUnsetAsTheConfigurationReadsIt() {
        Map<String, String> env = Map.of("DEMO_PASSWORD", " ");
        AuthConfig auth = AuthConfig.fromEnv(env);

        assertThat(StartBanner.demo(BASE, auth, env)).contains("password: " + auth.demoPassword());
    }

    @Test
    void theFirstStartPrintsTheSetupPageAndARandomCodeButNotACodeSetInTheEnvironment() {
        String random = StartBanner.setup(BASE, new id.antrean.setup.SetupCode.Offer("ABCD-EFGH-JKMN", false));
        assertThat(random).contains(BASE + "/console/setup", "Setup code    ABCD-EFGH-JKMN");

        String set = StartBanner.setup(BASE, new id.antrean.setup.SetupCode.Offer("kode-otomatis-1", true));
        assertThat(set).contains(BASE + "/console/setup", "(set by SETUP_CODE)").doesNotContain("kode-otomatis-1");
    }
}
