package id.antrean.auth;

import io.vertx.core.http.HttpMethod;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which identity may call which API route, in one table. Routes under {@code /api/v1/facilities/{facility}}
 * need a token of that facility and a permission; anything not listed there needs ADMIN (deny by default).
 */
public final class AccessRules {
    private static final Pattern FACILITIES = Pattern.compile("^/api/v1/facilities/?$");
    private static final Pattern FACILITY_ROUTE = Pattern.compile("^/api/v1/facilities/([^/]+)(/.*)?$");

    /** What a request needs: nothing, any valid token, or a permission in a given facility. */
    public record Need(boolean token, String facility, Permission permission) {
        static final Need NOTHING = new Need(false, null, null);
        static final Need ANY_TOKEN = new Need(true, null, null);
    }

    private record Rule(HttpMethod method, Pattern path, Permission permission) {
    }

    private static final List<Rule> FACILITY_RULES = List.of(
            rule(HttpMethod.GET, "/services", Permission.READ_QUEUE),
            rule(HttpMethod.GET, "/counters", Permission.READ_QUEUE),
            rule(HttpMethod.GET, "/queue", Permission.READ_QUEUE),
            rule(HttpMethod.GET, "/events", Permission.READ_QUEUE),
            rule(HttpMethod.GET, "/tickets/[^/]+", Permission.READ_QUEUE),
            rule(HttpMethod.GET, "/tickets/[^/]+/ticket\\.pdf", Permission.PRINT_TICKET),
            rule(HttpMethod.POST, "/tickets", Permission.ISSUE_TICKET),
            rule(HttpMethod.POST, "/tickets/[^/]+/check-in", Permission.ISSUE_TICKET),
            // The patient's number for messages (issue #19): left at the kiosk or the desk, like taking the number.
            rule(HttpMethod.POST, "/tickets/[^/]+/notify", Permission.ISSUE_TICKET),
            // Whether to offer it: kiosks and the desk read it; the settings themselves are the admin's.
            rule(HttpMethod.GET, "/notify", Permission.READ_QUEUE),
            // The desk's corrections of a ticket ("Periksa ulang", JKN / UMUM): staff only, never a device.
            rule(HttpMethod.POST, "/tickets/[^/]+/(recheck|payer)", Permission.COUNTER),
            rule(HttpMethod.GET, "/eligibility", Permission.CHECK_ELIGIBILITY),
            rule(HttpMethod.POST, "/counters/[^/]+/[^/]+", Permission.COUNTER),
            rule(HttpMethod.POST, "/device-alerts", Permission.REPORT_STATUS),
            rule(HttpMethod.GET, "/bpjs-outbox", Permission.COUNTER),
            // "Kirim ulang" of a report BPJS refused for good: the staff who see the outbox, never a device.
            rule(HttpMethod.POST, "/bpjs-outbox/[^/]+/resend", Permission.COUNTER),
            // The logo is for tickets, letterheads and the kiosk's screen: whoever reads the queue may fetch it.
            rule(HttpMethod.GET, "/profile/logo", Permission.READ_QUEUE),
            // Kiosks read it for their idle time and languages, displays for the name; only admins change it.
            rule(HttpMethod.GET, "/profile", Permission.READ_QUEUE));

    private AccessRules() {
    }

    private static Rule rule(HttpMethod method, String path, Permission permission) {
        return new Rule(method, Pattern.compile(path), permission);
    }

    public static Need need(HttpMethod method, String path) {
        if (path.equals("/api/v1/auth/token")) {
            return Need.NOTHING;
        }
        if (path.startsWith("/api/v1/auth/")) {
            return Need.ANY_TOKEN;
        }
        if (FACILITIES.matcher(path).matches() && method.equals(HttpMethod.POST)) {
            // The list is public (kiosk set-up, the console's choice); creating a facility is an operator's. Other
            // methods have no route there (405).
            return new Need(true, null, Permission.OPERATE);
        }
        Matcher m = FACILITY_ROUTE.matcher(path);
        if (!m.matches()) {
            return Need.NOTHING;
        }
        String rest = m.group(2) == null ? "" : m.group(2);
        Permission permission = FACILITY_RULES.stream()
                .filter(r -> r.method().equals(method) && r.path().matcher(rest).matches())
                .map(Rule::permission)
                .findFirst()
                .orElse(Permission.ADMIN);
        return new Need(true, m.group(1), permission);
    }
}
