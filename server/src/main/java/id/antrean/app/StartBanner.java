package id.antrean.app;

import id.antrean.auth.AuthConfig;
import id.antrean.db.DemoSeed;
import id.antrean.setup.SetupCode;
import java.util.Map;

/**
 * The demo's and the first setup's part of the start message: where the display is and how to log in. A secret the server made up is
 * printed (nobody could know it otherwise); a secret the operator set in the environment is not: they have it
 * already, and a console log is copied, kept and shared long after.
 */
final class StartBanner {
    private StartBanner() {
    }

    static String demo(String base, AuthConfig auth, Map<String, String> env) {
        return "  Display       " + base + "/display/" + DemoSeed.FACILITY + "#token="
                + (isSet("DEMO_DISPLAY_TOKEN", env) ? "<DEMO_DISPLAY_TOKEN>" : auth.demoDisplayToken())
                + "  (reads the queue, takes no numbers)\n"
                + "  Demo logins   admin / resepsionis (pkm-demo), operator (both demo facilities), password: " + secret(auth.demoPassword(), "DEMO_PASSWORD", env)
                + "\n"
                + "  Mobile JKN    " + base + "/mobilejkn/" + DemoSeed.FACILITY
                + "  (x-username mobilejkn, x-password the demo password)\n"
                + "  Kiosk token   " + secret(auth.demoDeviceToken(), "DEMO_DEVICE_TOKEN", env) + "\n"
                + "  Display token " + secret(auth.demoDisplayToken(), "DEMO_DISPLAY_TOKEN", env) + "\n";
    }

    /** The first start: where to create the first operator, and with which code (printed unless set). */
    static String setup(String base, SetupCode.Offer offer) {
        return "  Setup         " + base + "/console/setup  (no operator yet: create the first one there)\n"
                + "  Setup code    " + (offer.fromEnvironment() ? "(set by SETUP_CODE)" : offer.code()
                        + "  (one-time; set SETUP_CODE to choose)") + "\n";
    }

    private static String secret(String value, String variable, Map<String, String> env) {
        return isSet(variable, env)
                ? "(set by " + variable + ")"
                : value + "  (random: set " + variable + " to choose)";
    }

    /** As {@link AuthConfig#fromEnv} reads it: a blank value is no value. */
    private static boolean isSet(String variable, Map<String, String> env) {
        String value = env.get(variable);
        return value != null && !value.isBlank();
    }
}
