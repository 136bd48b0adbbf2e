package id.antrean.bench;

import id.antrean.auth.AuthService;
import id.antrean.facility.FacilityDirectory;
import id.antrean.closure.Closures;
import id.antrean.queue.TicketIssuer;
import id.antrean.events.EventLog;
import id.antrean.bpjs.outbox.BpjsOutbox;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the pgbench script of one walk-in issuance ({@code POST …/tickets} by a kiosk, payer UMUM) from the
 * server's own SQL constants, read from its classes, so the database's ceiling runs what the server runs and
 * cannot drift from it: the token look-up (which also gives the kiosk's facility), then in one transaction the
 * service, the day's closures, and {@code TicketIssuer.ISSUE}: in one statement the numbering, the ticket insert,
 * its place in line, the ticket view, the event with its NOTIFY and the BPJS outbox insert. {@link #oldScript()}
 * is the transaction as it was before (three statements inside the locks), for the side-by-side. Each {@code $n} is replaced by what the server
 * binds there, as a pgbench variable or an SQL expression of one. Not in the script: the wait estimate of the
 * answer (a per-facility cache) and the facility look-up by code (skipped when it is the token's own facility).
 *
 * <p>{@code java … id.antrean.bench.IssuanceScript target/issuance.pgbench} writes it by hand.
 */
public final class IssuanceScript {
    private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+)");

    private IssuanceScript() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/issuance.pgbench");
        write(out);
        System.out.println("Written " + out.toAbsolutePath());
    }

    public static void write(Path out) throws IOException {
        write(out, script());
    }

    static void write(Path out, String script) throws IOException {
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, script);
    }

    /**
     * The script of today's issuance; variables: {@code facilities} (bench facilities seeded), {@code hot} (1: all
     * on bench-001 S1). Inside the locks it is one statement: number, ticket, place, view, event and outbox.
     */
    public static String script() {
        StringBuilder s = head("One walk-in issuance (POST .../tickets by a kiosk, payer UMUM), statement for statement.");
        statement(s, TicketIssuer.class, "ISSUE", issueParameters(Map.of(
                // The event's payload as the server builds it before the statement: the ticket as inserted.
                15, """
                        jsonb_build_object('type', 'TICKET_ISSUED', 'at', now(), 'ticket', jsonb_build_object(\
                        'id', 0, 'facility', '', 'service', 'S' || :p, 'serviceName', :svc_name::text, \
                        'homeService', 'S' || :p, 'number', 0, 'label', '', 'status', 'WAITING', 'source', 'WALK_IN', \
                        'payer', 'UMUM', 'priority', false, 'cardNumberMasked', NULL, 'serviceDate', now()::date, \
                        'issuedAt', now(), 'calledAt', NULL, 'startedAt', NULL, 'finishedAt', NULL, 'position', NULL, \
                        'callCount', 0, 'estimatedAt', NULL, 'checkedInAt', NULL, 'lineAt', now(), \
                        'allowedActions', jsonb_build_array('CALL', 'CANCEL'), 'eligibility', NULL, 'counter', NULL))""",
                16, "'Antrean langsung (walk-in)'")), null);
        s.append("COMMIT;\n");
        return s.toString();
    }

    /**
     * The script of the issuance as it was until 2026-12-07 ({@link OldIssuance}: number + ticket + view with a
     * correlated count, then the event, then the outbox insert, three round trips inside the locks), for the
     * side-by-side only.
     */
    public static String oldScript() {
        StringBuilder s = head("THE OLD ISSUANCE (until 2026-12-07), for the side-by-side: OldIssuance.ISSUE, then the event and outbox.");
        statement(s, "OldIssuance.ISSUE (a copy, not the server's)", OldIssuance.ISSUE, issueParameters(Map.of()), "t_");
        // The event's payload is the issued ticket as JSON, built by the server from the row just read.
        statement(s, EventLog.class, "APPEND", Map.of(
                1, ":who_facility_id",
                2, "'TICKET_ISSUED'",
                3, ":t_ticket_id",
                4, ":svc_service_id",
                5, "NULL",
                6, """
                        jsonb_build_object('type', 'TICKET_ISSUED', 'at', now(), 'ticket', jsonb_build_object(\
                        'id', :t_ticket_id::bigint, 'facility', :t_facility_code::text, 'service', :t_service_code::text, \
                        'serviceName', :t_service_name::text, 'homeService', :t_home_service_code::text, \
                        'number', :t_number::integer, 'label', :t_label::text, 'status', :t_status::text, \
                        'source', :t_source::text, 'payer', :t_payer::text, 'priority', :t_priority::boolean, \
                        'serviceDate', :t_service_date::text, 'issuedAt', :t_issued_at::text, \
                        'callCount', :t_call_count::integer, 'position', :t_position::integer, \
                        'lineAt', :t_line_at::text))""",
                7, "now()"), null);
        statement(s, BpjsOutbox.class, "ADD", Map.of(
                1, ":who_facility_id",
                2, ":t_ticket_id",
                3, "'Antrean langsung (walk-in)'",
                4, "now()"), null);
        s.append("COMMIT;\n");
        return s.toString();
    }

    /** The token look-up, BEGIN, the service and the day's closures: the same in both scripts. */
    private static StringBuilder head(String what) {
        String tokenHash = "encode(sha256(convert_to('bench-kiosk-token-' || lpad(:f::text, 3, '0') "
                + "|| '-abcdefghijklmnop', 'UTF8')), 'hex')";
        StringBuilder s = new StringBuilder("""
                -- Generated by id.antrean.bench.IssuanceScript from the server's SQL constants: do not edit.
                -- %s
                -- Run with -M prepared (variables are bound as parameters, as the server's prepared statements are).
                -- Variables: facilities (how many bench facilities), hot (1: every issuance on bench-001's S1).
                \\set f random(1, :facilities)
                \\set p random(1, 5)
                \\if :hot
                \\set f 1
                \\set p 1
                \\endif
                """.formatted(what));
        statement(s, AuthService.class, "WHO_HAS_TOKEN", Map.of(
                1, tokenHash,
                2, "now()"), "who_");
        s.append("BEGIN;\n");
        statement(s, FacilityDirectory.class, "SERVICE_BY_CODE", Map.of(
                1, ":who_facility_id",
                2, "'S' || :p"), "svc_");
        statement(s, Closures.class, "CLOSED_ON", Map.of(
                1, ":who_facility_id",
                2, DAY), null);
        return s;
    }

    private static final String DAY = "(now() AT TIME ZONE :who_time_zone)::date";

    /** What a kiosk's UMUM walk-in binds to $1..$14 of the issue statement, and {@code more}. */
    private static Map<Integer, String> issueParameters(Map<Integer, String> more) {
        Map<Integer, String> p = new java.util.HashMap<>(Map.ofEntries(
                Map.entry(1, ":who_facility_id"),
                Map.entry(2, ":svc_service_id"),
                Map.entry(3, DAY),
                Map.entry(4, ":svc_prefix"),
                Map.entry(5, "'UMUM'"),
                Map.entry(6, "NULL"),
                Map.entry(7, "NULL"),
                Map.entry(8, "false"),
                Map.entry(9, "now()"),
                Map.entry(10, "md5(random()::text || clock_timestamp()::text)"),
                Map.entry(11, "md5('{\"service\":\"S1\",\"payer\":\"UMUM\"}')"),
                Map.entry(12, "NULL"),
                Map.entry(13, "NULL"),
                Map.entry(14, "NULL")));
        p.putAll(more);
        return p;
    }

    /** Appends the constant with its parameters replaced; {@code gset} keeps its one row's columns as variables. */
    private static void statement(StringBuilder s, Class<?> owner, String field, Map<Integer, String> bound, String gset) {
        statement(s, owner.getSimpleName() + "." + field, constant(owner, field), bound, gset);
    }

    private static void statement(StringBuilder s, String name, String statement, Map<Integer, String> bound,
                                  String gset) {
        String sql = colonsOutOfLiterals(statement);
        Matcher m = PARAMETER.matcher(sql);
        StringBuilder replaced = new StringBuilder();
        while (m.find()) {
            String value = bound.get(Integer.parseInt(m.group(1)));
            if (value == null) {
                throw new IllegalStateException(name + " has a parameter $" + m.group(1)
                        + " the script does not bind: the server's statement changed, update IssuanceScript");
            }
            m.appendReplacement(replaced, Matcher.quoteReplacement("(" + value + ")"));
        }
        m.appendTail(replaced);
        s.append("-- ").append(name).append('\n').append(replaced.toString().strip());
        s.append(gset == null ? ";\n" : " \\gset " + gset + "\n");
    }

    /**
     * pgbench reads {@code :name} as a variable even inside a string literal ({@code 'HH24:MI'}); such a colon is
     * written as a concatenation PostgreSQL folds at planning ({@code 'HH24' || ':' || 'MI'}), same cost.
     */
    static String colonsOutOfLiterals(String sql) {
        StringBuilder out = new StringBuilder();
        boolean inLiteral = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                inLiteral = !inLiteral;
            }
            if (inLiteral && c == ':' && i + 1 < sql.length()
                    && (Character.isLetter(sql.charAt(i + 1)) || sql.charAt(i + 1) == '_')) {
                out.append("' || ':' || '");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A server SQL constant by name (package-private in the server: read reflectively, never copied). */
    static String constant(Class<?> owner, String field) {
        try {
            Field f = owner.getDeclaredField(field);
            f.setAccessible(true);
            return (String) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no SQL constant " + owner.getSimpleName() + "." + field + ": update IssuanceScript", e);
        }
    }
}
