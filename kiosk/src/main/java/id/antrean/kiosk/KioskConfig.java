package id.antrean.kiosk;

import id.antrean.protocol.Env;
import java.time.Duration;
import java.util.Map;

/**
 * The kiosk agent's configuration, from the environment.
 *
 * @param port          {@code PORT}, default 8090
 * @param host          {@code HOST}, default 127.0.0.1: only the kiosk's own browser talks to the agent
 * @param serverUrl     {@code SERVER_URL}, e.g. {@code http://antrean.puskesmas.local:8080}
 * @param facility      {@code FACILITY}, the facility code, e.g. {@code pkm-demo}
 * @param deviceToken   {@code DEVICE_TOKEN}, issued by an admin on the console (never logged)
 * @param printer       {@code PRINTER}: {@code pdf:DIR}, {@code os:NAME}, {@code escpos:tcp://host:9100},
 *                      {@code escpos:file:/dev/usb/lp0}; default {@code pdf:./tickets}
 * @param printerWidth  {@code PRINTER_WIDTH}: 58 or 80 (mm), default 80
 * @param pin           {@code KIOSK_PIN}: opens the settings screen; without it the settings stay shut
 * @param scanBudget    {@code SCAN_BUDGET_MS}: time allowed to decode one camera frame, default 300
 */
public record KioskConfig(int port, String host, String serverUrl, String facility, String deviceToken,
                          String printer, int printerWidth, String pin, Duration scanBudget) {

    public static KioskConfig fromEnv(Map<String, String> env) {
        int width = Env.integer(env, "PRINTER_WIDTH", 80);
        if (width != 58 && width != 80) {
            throw new IllegalArgumentException("PRINTER_WIDTH must be 58 or 80");
        }
        String server = Env.required(env, "SERVER_URL");
        return new KioskConfig(
                Env.integer(env, "PORT", 8090),
                env.getOrDefault("HOST", "127.0.0.1"),
                server.endsWith("/") ? server.substring(0, server.length() - 1) : server,
                Env.required(env, "FACILITY"),
                Env.required(env, "DEVICE_TOKEN"),
                env.getOrDefault("PRINTER", "pdf:./tickets"),
                width,
                Env.text(env, "KIOSK_PIN"),
                Duration.ofMillis(Env.integer(env, "SCAN_BUDGET_MS", 300)));
    }

    @Override
    public String toString() {
        return "KioskConfig[port=" + port + ", server=" + serverUrl + ", facility=" + facility + ", printer=" + printer
                + " (" + printerWidth + " mm), pin=" + (pin == null ? "unset" : "set") + "]";
    }
}
