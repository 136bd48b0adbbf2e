package id.antrean.drills;

import id.antrean.drills.Endpoint.Body;
import id.antrean.drills.Endpoint.Caller;
import id.antrean.drills.Endpoint.Target;
import id.antrean.drills.Endpoint.ValueKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every public endpoint the drill fuzzes: the contract's operations (read from the contract, so a new operation
 * without an entry here fails the drill), the routes outside it (live events, PDFs, reports, pages), Mobile JKN's
 * online-queue calls and the kiosk agent's routes.
 */
final class Catalog {
    static final String USERNAME_MJKN = id.antrean.auth.DemoAccounts.MOBILEJKN_USER;

    /** What the fixtures of the drill made, for requests that get past "not found". */
    record Fixtures(String facility, String today, long waitingTicket, long bookedTicket, long deviceToRevoke,
                    String card, String nik, String password, String kioskPin, long closure, long staff) {
    }

    /** Who calls each operation of the contract (whoever has its permission); a new operation must be added. */
    private static final Map<String, Caller> CALLERS = Map.ofEntries(
            Map.entry("loginToken", Caller.NONE),
            Map.entry("whoAmI", Caller.RECEPTIONIST),
            Map.entry("logout", Caller.LOGOUT),
            Map.entry("listDevices", Caller.ADMIN),
            Map.entry("issueDevice", Caller.ADMIN),
            Map.entry("revokeDevice", Caller.ADMIN),
            Map.entry("reportDeviceAlert", Caller.DEVICE),
            Map.entry("bpjsOutbox", Caller.RECEPTIONIST),
            Map.entry("resendBpjsOutboxMessage", Caller.RECEPTIONIST),
            Map.entry("stats", Caller.ADMIN),
            Map.entry("auditLog", Caller.ADMIN),
            Map.entry("listFacilities", Caller.NONE),
            Map.entry("getTrackedTicket", Caller.NONE),
            Map.entry("listServices", Caller.RECEPTIONIST),
            Map.entry("listCounters", Caller.RECEPTIONIST),
            Map.entry("issueTicket", Caller.RECEPTIONIST),
            Map.entry("getTicket", Caller.RECEPTIONIST),
            Map.entry("checkEligibility", Caller.RECEPTIONIST),
            Map.entry("importRoster", Caller.ADMIN),
            Map.entry("checkIn", Caller.DEVICE),
            Map.entry("getQueue", Caller.DEVICE),
            Map.entry("callNext", Caller.RECEPTIONIST),
            Map.entry("callTicket", Caller.RECEPTIONIST),
            Map.entry("recallTicket", Caller.RECEPTIONIST),
            Map.entry("skipTicket", Caller.RECEPTIONIST),
            Map.entry("requeueTicket", Caller.RECEPTIONIST),
            Map.entry("startTicket", Caller.RECEPTIONIST),
            Map.entry("finishTicket", Caller.RECEPTIONIST),
            Map.entry("transferTicket", Caller.RECEPTIONIST),
            Map.entry("parkTicket", Caller.RECEPTIONIST),
            Map.entry("resumeTicket", Caller.RECEPTIONIST),
            Map.entry("cancelTicket", Caller.RECEPTIONIST),
            Map.entry("recheckTicketEligibility", Caller.RECEPTIONIST),
            Map.entry("switchTicketPayer", Caller.RECEPTIONIST),
            Map.entry("setMobileJknAccount", Caller.ADMIN),
            Map.entry("getBpjsCredentials", Caller.ADMIN),
            Map.entry("putBpjsCredentials", Caller.ADMIN),
            Map.entry("deleteBpjsCredentials", Caller.ADMIN),
            Map.entry("testBpjsCredentials", Caller.ADMIN),
            Map.entry("listBpjsPoli", Caller.ADMIN),
            Map.entry("listBpjsDoctors", Caller.ADMIN),
            Map.entry("setupStatus", Caller.NONE),
            Map.entry("setUp", Caller.NONE),
            Map.entry("createFacility", Caller.OPERATOR),
            // Kiosks and displays read it (READ_QUEUE): a receptionist may too, so no "receptionist refused" case.
            Map.entry("getFacilityProfile", Caller.DEVICE),
            Map.entry("putFacilityProfile", Caller.ADMIN),
            Map.entry("getBpjsSettings", Caller.ADMIN),
            Map.entry("putBpjsSettings", Caller.ADMIN),
            Map.entry("getNotifySettings", Caller.ADMIN),
            Map.entry("putNotifySettings", Caller.ADMIN),
            Map.entry("getNotifyOffer", Caller.DEVICE),
            Map.entry("registerNotifyPhone", Caller.DEVICE),
            Map.entry("getFacilityLogo", Caller.DEVICE),
            Map.entry("createService", Caller.ADMIN),
            Map.entry("getService", Caller.ADMIN),
            Map.entry("updateService", Caller.ADMIN),
            Map.entry("deleteService", Caller.ADMIN),
            Map.entry("setServiceSchedule", Caller.ADMIN),
            Map.entry("createCounter", Caller.ADMIN),
            Map.entry("getCounter", Caller.ADMIN),
            Map.entry("updateCounter", Caller.ADMIN),
            Map.entry("deleteCounter", Caller.ADMIN),
            Map.entry("listClosures", Caller.ADMIN),
            Map.entry("addClosure", Caller.ADMIN),
            Map.entry("getClosure", Caller.ADMIN),
            Map.entry("removeClosure", Caller.ADMIN),
            Map.entry("listStaff", Caller.ADMIN),
            Map.entry("addStaff", Caller.ADMIN),
            Map.entry("getStaff", Caller.ADMIN),
            Map.entry("changeStaff", Caller.ADMIN),
            Map.entry("resetStaffPassword", Caller.ADMIN),
            Map.entry("listBackups", Caller.ADMIN),
            Map.entry("takeBackup", Caller.ADMIN));

    /** A tracking code of the right form that no ticket has. */
    private static final String TRACKING_CODE = "AAAAAAAAAAAAAAAAAAAAAA";

    private Catalog() {
    }

    static List<Endpoint> all(Contract contract, Fixtures f) {
        List<Endpoint> out = new ArrayList<>();
        for (Contract.Operation op : contract.operations()) {
            out.add(fromContract(op, f));
        }
        out.addAll(outsideContract(f));
        out.addAll(mobileJkn(f));
        out.addAll(kiosk(f));
        return out;
    }

    private static Endpoint fromContract(Contract.Operation op, Fixtures f) {
        Caller caller = CALLERS.get(op.id());
        if (caller == null) {
            throw new AssertionError("The contract has an operation the fuzz drill does not know: " + op.id()
                    + " (" + op.key() + "). Add its caller and a good request to " + Catalog.class.getName());
        }
        Endpoint.Builder b = Endpoint.builder(Target.API, op.method(), op.path(), op.id(), caller);
        for (Contract.Parameter p : op.parameters()) {
            switch (p.in()) {
                case "path" -> b.param(p.name(), switch (p.name()) {
                    case "facility" -> f.facility();
                    case "counter" -> "R-UMUM-1";
                    case "service" -> "UMUM";
                    case "ticket" -> Long.toString(op.id().equals("checkIn") ? f.bookedTicket() : f.waitingTicket());
                    case "device" -> Long.toString(f.deviceToRevoke());
                    case "closure" -> Long.toString(f.closure());
                    case "staff" -> Long.toString(f.staff());
                    // The drill's first outbox message: pending or sent, so "Kirim ulang" answers 409, never 500.
                    case "message" -> "1";
                    // Well formed, and no ticket's: the drill's requests find nothing to show (404).
                    case "trackingCode" -> TRACKING_CODE;
                    default -> throw new AssertionError("No good value for path parameter " + p.name() + " of " + op.id());
                });
                case "query" -> {
                    switch (p.name()) {
                        case "status" -> b.query("status", "PENDING", ValueKind.ENUM);
                        case "from", "to", "date" -> b.query(p.name(), f.today(), ValueKind.DATE);
                        case "card" -> b.query("card", f.card(), ValueKind.CARD);
                        case "nik" -> b.query("nik", null, ValueKind.NIK);
                        case "service" -> b.query("service", "GIGI", ValueKind.TEXT);
                        case "waitingLimit" -> b.query("waitingLimit", "3", ValueKind.NUMBER);
                        default -> throw new AssertionError("No good value for query parameter " + p.name() + " of " + op.id());
                    }
                }
                case "header" -> {
                    if (p.name().equals("If-Match")) {
                        // Sent by no case: every edit is then refused (428 after the body's checks), so the drill
                        // shows that bad input never reaches a row and a change never goes through unversioned.
                        continue;
                    }
                    if (!p.name().equals("Idempotency-Key")) {
                        throw new AssertionError("No good value for header " + p.name() + " of " + op.id());
                    }
                    b.idempotent();
                }
                default -> throw new AssertionError("Parameter in " + p.in() + " of " + op.id());
            }
        }
        if (op.bodyMediaType() != null) {
            String valid = validBody(op.id(), f);
            Body kind = op.bodyMediaType().equals("text/plain") ? Body.CSV
                    : op.bodyRequired() ? Body.JSON : Body.OPTIONAL_JSON;
            b.body(kind, valid, op.fields());
        }
        return b.build();
    }

    private static String validBody(String operation, Fixtures f) {
        return switch (operation) {
            case "loginToken" -> "{\"username\":\"resepsionis\",\"password\":\"" + f.password() + "\"}";
            case "issueDevice" -> "{\"name\":\"Display Fuzz\",\"kind\":\"DISPLAY\"}";
            case "reportDeviceAlert" -> "{\"kind\":\"PRINTER_PROBLEM\",\"problem\":\"OUT_OF_PAPER\"}";
            case "issueTicket" -> "{\"service\":\"UMUM\",\"payer\":\"UMUM\"}";
            case "importRoster" -> "nomor_kartu,nik,nama,kelas,jenis_peserta\n"
                    + "0001234567890,7371011205580001,Budi,KELAS III,PBI (APBN)\n";
            case "callTicket", "requeueTicket", "resumeTicket", "callNext", "recallTicket", "skipTicket",
                 "startTicket", "finishTicket", "parkTicket", "cancelTicket" -> "{\"ticket\":" + f.waitingTicket() + "}";
            case "transferTicket" -> "{\"service\":\"LAB\",\"ticket\":" + f.waitingTicket() + "}";
            case "switchTicketPayer" -> "{\"payer\":\"JKN\",\"cardNumber\":\"" + f.card() + "\"}";
            // A month ahead: an accepted closure never closes the day the other endpoints work on.
            case "addClosure" -> "{\"date\":\"" + java.time.LocalDate.parse(f.today()).plusDays(30)
                    + "\",\"service\":\"GIGI\",\"reason\":\"Libur\"}";
            case "addStaff" -> "{\"username\":\"fuzz.kedua\",\"name\":\"Fuzz\",\"role\":\"RECEPTIONIST\","
                    + "\"password\":\"Sandi-fuzz-kedua-1\"}";
            case "changeStaff" -> "{\"name\":\"Fuzz\",\"role\":\"RECEPTIONIST\",\"active\":true}";
            case "resetStaffPassword" -> "{\"password\":\"Sandi-fuzz-baru-22\"}";
            case "setMobileJknAccount" -> "{\"username\":\"" + USERNAME_MJKN + "\",\"password\":\"" + f.password() + "\"}";
            // The demo simulator's own consumer, so the reference lists still answer if a repair came late.
            case "putBpjsCredentials" -> "{\"consId\":\"10001\",\"secret\":\"demo-secret-not-for-production\","
                    + "\"userKey\":\"demo-user-key\",\"pcareUsername\":\"demo\",\"pcarePassword\":\"demo\"}";
            // The demo has its operator: the setup is done, a good request is a 409.
            case "setUp" -> "{\"setupCode\":\"ABCD-EFGH-JKMN\",\"operator\":{\"username\":\"dinkes\","
                    + "\"name\":\"Dinas Kesehatan\",\"password\":\"Sulawesi-Selatan-2026\"}}";
            case "createFacility" -> "{\"code\":\"{KEY}\",\"name\":\"Puskesmas Fuzz\",\"timeZone\":\"Asia/Jayapura\","
                    + "\"address\":\"Jl. Uji 1\",\"phone\":\"0967-123456\"}";
            case "putFacilityProfile" -> "{\"name\":\"Puskesmas Sejahtera (Demo)\",\"kioskIdleSeconds\":60,"
                    + "\"languages\":[\"id\",\"en\"],\"ticketFooter\":\"Terima kasih\",\"logo\":null}";
            case "putBpjsSettings" -> "{\"bookingEligibility\":\"record\",\"reportAllPatients\":true}";
            // Off, as the demo has it: a good number then answers 409 NOTIFY_DISABLED, never a 5xx.
            case "putNotifySettings" -> "{\"enabled\":false,\"threshold\":3}";
            case "registerNotifyPhone" -> "{\"phone\":\"0812 3456 7890\"}";
            case "createService" -> "{\"code\":\"FUZZ\",\"name\":\"Poli Fuzz\",\"prefix\":\"F\"}";
            case "updateService" -> "{\"name\":\"Poli Umum\",\"prefix\":\"A\",\"bpjsCode\":\"001\"}";
            case "setServiceSchedule" -> "{\"days\":[{\"weekday\":1,\"opensAt\":\"07:30\",\"closesAt\":\"14:00\"}],"
                    + "\"dailyQuota\":120,\"jknQuota\":60}";
            case "createCounter" -> "{\"code\":\"R-FUZZ\",\"name\":\"Ruang Fuzz\",\"spokenName\":\"Ruang Umum\","
                    + "\"services\":[\"UMUM\"]}";
            case "updateCounter" -> "{\"name\":\"Ruang Umum 1\",\"services\":[\"UMUM\"]}";
            default -> throw new AssertionError("No good body for " + operation + ": add one to " + Catalog.class.getName());
        };
    }

    /** The API's routes outside the contract (streams, PDFs, reports) and the pages. */
    private static List<Endpoint> outsideContract(Fixtures f) {
        String facilities = "/api/v1/facilities/{facility}";
        return List.of(
                Endpoint.builder(Target.API, "GET", facilities + "/events", "events", Caller.RECEPTIONIST)
                        .param("facility", f.facility()).query("lastEventId", null, ValueKind.NUMBER).stream().build(),
                Endpoint.builder(Target.API, "GET", facilities + "/tickets/{ticket}/ticket.pdf", "ticketPdf", Caller.DEVICE)
                        .param("facility", f.facility()).param("ticket", Long.toString(f.waitingTicket()))
                        .query("width", "58", ValueKind.NUMBER).query("lang", "en", ValueKind.ENUM).build(),
                Endpoint.builder(Target.API, "GET", facilities + "/reports/daily.pdf", "dailyPdf", Caller.ADMIN)
                        .param("facility", f.facility()).query("date", f.today(), ValueKind.DATE).build(),
                Endpoint.builder(Target.API, "GET", facilities + "/reports/monthly.pdf", "monthlyPdf", Caller.ADMIN)
                        .param("facility", f.facility()).query("month", f.today().substring(0, 7), ValueKind.MONTH).build(),
                Endpoint.builder(Target.API, "GET", facilities + "/reports/daily.csv", "dailyCsv", Caller.ADMIN)
                        .param("facility", f.facility()).query("date", f.today(), ValueKind.DATE).build(),
                Endpoint.builder(Target.API, "GET", "/api/v1/openapi.yaml", "openapi", Caller.NONE).build(),
                Endpoint.builder(Target.API, "GET", "/health", "health", Caller.NONE).build(),
                Endpoint.builder(Target.API, "GET", "/", "root", Caller.NONE).build(),
                Endpoint.builder(Target.API, "GET", "/console/setup", "setupPage", Caller.NONE).build(),
                Endpoint.builder(Target.API, "GET", "/console/{file}", "consolePages", Caller.NONE)
                        .param("file", "index.html").build(),
                Endpoint.builder(Target.API, "GET", "/assets/{file}", "assets", Caller.NONE)
                        .param("file", "i18n.js").build(),
                Endpoint.builder(Target.API, "GET", "/display/assets/{file}", "displayAssets", Caller.NONE)
                        .param("file", "display.js").build(),
                Endpoint.builder(Target.API, "GET", "/display/{facility}", "displayPage", Caller.NONE)
                        .param("facility", f.facility()).build(),
                Endpoint.builder(Target.API, "GET", "/i18n/{file}", "pageTexts", Caller.NONE)
                        .param("file", "console.json").query("lang", "en", ValueKind.ENUM).build(),
                Endpoint.builder(Target.API, "GET", "/t/{code}", "trackPage", Caller.NONE)
                        .param("code", TRACKING_CODE).build(),
                Endpoint.builder(Target.API, "GET", "/track/{file}", "trackAssets", Caller.NONE)
                        .param("file", "track.js").build(),
                Endpoint.builder(Target.API, "GET", "/api/v1/track/{code}/events", "trackEvents", Caller.NONE)
                        .param("code", TRACKING_CODE).stream().build());
    }

    /** BPJS's online-queue contract under /mobilejkn/{facility}: all six calls. */
    private static List<Endpoint> mobileJkn(Fixtures f) {
        String base = "/mobilejkn/{facility}";
        List<Contract.Field> booking = List.of(text("nomorkartu"), text("nik"), text("nohp"), text("kodepoli"),
                text("tanggalperiksa"), text("keluhan"), new Contract.Field("kodedokter", "integer", List.of(), false),
                text("jampraktek"), text("norm"));
        List<Contract.Field> cancel = List.of(text("nomorkartu"), text("kodepoli"), text("tanggalperiksa"),
                text("keterangan"));
        List<Contract.Field> patient = new ArrayList<>();
        for (String key : List.of("nomorkartu", "nik", "nomorkk", "nama", "jeniskelamin", "tanggallahir", "nohp",
                "alamat", "kodeprop", "namaprop", "kodedati2", "namadati2", "kodekec", "namakec", "kodekel", "namakel",
                "rw", "rt")) {
            patient.add(text(key));
        }
        return List.of(
                Endpoint.builder(Target.MOBILE_JKN, "GET", base + "/auth", "mjknAuth", Caller.MOBILE_JKN_LOGIN)
                        .param("facility", f.facility()).build(),
                Endpoint.builder(Target.MOBILE_JKN, "GET", base + "/antrean/status/{kodepoli}/{tanggalperiksa}",
                                "mjknStatus", Caller.MOBILE_JKN)
                        .param("facility", f.facility()).param("kodepoli", "001").param("tanggalperiksa", f.today()).build(),
                // The good booking is the fixture's own card again: refused as a second number, so fuzz that gets
                // through books nothing new.
                Endpoint.builder(Target.MOBILE_JKN, "POST", base + "/antrean", "mjknBook", Caller.MOBILE_JKN)
                        .param("facility", f.facility())
                        .body(Body.JSON, "{\"nomorkartu\":\"" + f.card() + "\",\"nik\":\"" + f.nik()
                                + "\",\"nohp\":\"085612345678\",\"kodepoli\":\"001\",\"tanggalperiksa\":\"" + f.today()
                                + "\",\"keluhan\":\"demam\",\"kodedokter\":123451,\"jampraktek\":\"07:30-14:00\",\"norm\":\"\"}",
                                booking).build(),
                Endpoint.builder(Target.MOBILE_JKN, "GET",
                                base + "/antrean/sisapeserta/{nomorkartu}/{kodepoli}/{tanggalperiksa}", "mjknRemaining",
                                Caller.MOBILE_JKN)
                        .param("facility", f.facility()).param("nomorkartu", f.card()).param("kodepoli", "001")
                        .param("tanggalperiksa", f.today()).build(),
                // A card without a booking: a good cancellation is refused, the fixture's booking stays.
                Endpoint.builder(Target.MOBILE_JKN, "PUT", base + "/antrean/batal", "mjknCancel", Caller.MOBILE_JKN)
                        .param("facility", f.facility())
                        .body(Body.JSON, "{\"nomorkartu\":\"0009999999999\",\"kodepoli\":\"001\",\"tanggalperiksa\":\""
                                + f.today() + "\",\"keterangan\":\"batal\"}", cancel).build(),
                Endpoint.builder(Target.MOBILE_JKN, "POST", base + "/peserta", "mjknPatient", Caller.MOBILE_JKN)
                        .param("facility", f.facility())
                        .body(Body.JSON, "{\"nomorkartu\":\"0002222222222\",\"nik\":\"7371025704920003\","
                                + "\"nomorkk\":\"7371020101100001\",\"nama\":\"DEWI LESTARI\",\"jeniskelamin\":\"P\","
                                + "\"tanggallahir\":\"1992-04-17\",\"nohp\":\"085612345678\",\"alamat\":\"Jl. Cendrawasih\","
                                + "\"kodeprop\":\"73\",\"namaprop\":\"SULAWESI SELATAN\",\"kodedati2\":\"7371\","
                                + "\"namadati2\":\"KOTA MAKASSAR\",\"kodekec\":\"737102\",\"namakec\":\"MAMAJANG\","
                                + "\"kodekel\":\"7371021001\",\"namakel\":\"MARICAYA SELATAN\",\"rw\":\"003\",\"rt\":\"001\"}",
                                patient).build());
    }

    /** The kiosk agent's routes (its own page's API, the frame decoder, settings, texts, static files). */
    private static List<Endpoint> kiosk(Fixtures f) {
        return List.of(
                Endpoint.builder(Target.KIOSK, "GET", "/api/kiosk", "kioskInfo", Caller.NONE).build(),
                Endpoint.builder(Target.KIOSK, "GET", "/api/status", "kioskStatus", Caller.NONE).build(),
                Endpoint.builder(Target.KIOSK, "POST", "/api/identify", "kioskIdentify", Caller.NONE)
                        .body(Body.JSON, "{\"text\":\"" + f.card() + "\"}", List.of(text("text"))).build(),
                Endpoint.builder(Target.KIOSK, "GET", "/api/eligibility", "kioskEligibility", Caller.NONE)
                        .query("card", f.card(), ValueKind.CARD).query("nik", null, ValueKind.NIK).build(),
                Endpoint.builder(Target.KIOSK, "GET", "/api/services", "kioskServices", Caller.NONE).build(),
                Endpoint.builder(Target.KIOSK, "GET", "/api/tickets/{id}", "kioskTicket", Caller.NONE)
                        .param("id", Long.toString(f.waitingTicket())).build(),
                Endpoint.builder(Target.KIOSK, "GET", "/api/tracked/{code}", "kioskTracked", Caller.NONE)
                        .param("code", TRACKING_CODE).build(),
                Endpoint.builder(Target.KIOSK, "POST", "/api/tickets", "kioskIssue", Caller.NONE)
                        .body(Body.JSON, "{\"key\":\"{KEY}\",\"service\":\"UMUM\",\"payer\":\"UMUM\"}",
                                List.of(text("key"), text("service"),
                                        new Contract.Field("payer", "string", List.of("JKN", "UMUM"), true),
                                        text("cardNumber"), text("nik"))).build(),
                Endpoint.builder(Target.KIOSK, "POST", "/api/bookings/{id}/check-in", "kioskCheckIn", Caller.NONE)
                        .param("id", Long.toString(f.bookedTicket())).build(),
                Endpoint.builder(Target.KIOSK, "GET", "/api/notify", "kioskNotifyOffer", Caller.NONE).build(),
                Endpoint.builder(Target.KIOSK, "POST", "/api/tickets/{id}/notify", "kioskLeavePhone", Caller.NONE)
                        .param("id", Long.toString(f.waitingTicket()))
                        .body(Body.JSON, "{\"phone\":\"081234567890\"}", List.of(text("phone"))).build(),
                Endpoint.builder(Target.KIOSK, "POST", "/api/settings/unlock", "kioskUnlock", Caller.NONE)
                        .body(Body.JSON, "{\"pin\":\"" + f.kioskPin() + "\"}", List.of(text("pin"))).build(),
                Endpoint.builder(Target.KIOSK, "GET", "/api/settings", "kioskSettings", Caller.KIOSK_SETTINGS).build(),
                Endpoint.builder(Target.KIOSK, "POST", "/api/settings/test-print", "kioskTestPrint",
                        Caller.KIOSK_SETTINGS).build(),
                Endpoint.builder(Target.KIOSK, "GET", "/i18n/kiosk.json", "kioskTexts", Caller.NONE)
                        .query("lang", "en", ValueKind.ENUM).build(),
                Endpoint.builder(Target.KIOSK, "POST", "/scan", "kioskScan", Caller.NONE)
                        .body(Body.IMAGE, null, List.of()).build(),
                Endpoint.builder(Target.KIOSK, "GET", "/{file}", "kioskPages", Caller.NONE)
                        .param("file", "index.html").build());
    }

    private static Contract.Field text(String name) {
        return new Contract.Field(name, "string", List.of(), false);
    }
}
