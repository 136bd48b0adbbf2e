package id.antrean.drills;

import id.antrean.drills.Endpoint.Body;
import id.antrean.drills.Endpoint.Caller;
import id.antrean.drills.Endpoint.Target;
import id.antrean.drills.Endpoint.ValueKind;
import id.antrean.drills.FuzzCase.Expect;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Makes the drill's cases: for an endpoint, its good request broken in one way drawn from the seeded
 * {@link Random} — bad credentials, malformed JSON, a field of the wrong type, a missing or unknown field, an odd
 * value, a huge body, a wrong content type, an odd path segment or query parameter, another method, a bad
 * Idempotency-Key, odd headers, a broken roster CSV, a bad camera frame or a QR text that is none of ours.
 *
 * <p>Each case says whether it must be refused ({@link Expect#REJECT}) — only where the contract or the route's
 * own rules leave no doubt — or may be taken ({@link Expect#ANY}).
 */
final class Fuzzer {
    enum Kind {
        AUTH, MALFORMED_JSON, WRONG_TYPE, MISSING_FIELD, ODD_VALUE, EXTRA_FIELD, HUGE_BODY, CONTENT_TYPE, PATH_PARAM,
        QUERY_PARAM, METHOD, IDEMPOTENCY_KEY, HEADER_NOISE, BAD_CSV, BAD_IMAGE, QR_TEXT
    }

    /** Media types that are plainly not JSON: the contract's JSON bodies must refuse them. */
    private static final Set<String> NOT_JSON = Set.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data", "image/png", "text/csv",
            "application/octet-stream", "a/b/c");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE");
    private static final List<String> EXTRA_NAMES = List.of("nama", "__proto__", "constructor", "$where", "ticket ",
            "SERVICE", "Payer", "id", "facility", "status", "role", "admin", "\u0000", "", "a".repeat(300),
            "\uD83D\uDE00", "service\u0000");
    private static final String ROSTER_HEADER = "nomor_kartu,nik,nama,kelas,jenis_peserta\n";

    private final Random random;
    private final BadInputs bad;

    Fuzzer(Random random) {
        this.random = random;
        this.bad = new BadInputs(random);
    }

    BadInputs inputs() {
        return bad;
    }

    /** A case for this endpoint, numbered {@code index}. */
    FuzzCase next(int index, Endpoint e) {
        List<Kind> kinds = kindsFor(e);
        Kind kind = kinds.get(random.nextInt(kinds.size()));
        Draft d = new Draft(e);
        switch (kind) {
            case AUTH -> auth(d);
            case MALFORMED_JSON -> malformedJson(d);
            case WRONG_TYPE -> wrongType(d);
            case MISSING_FIELD -> missingField(d);
            case ODD_VALUE -> oddValue(d);
            case EXTRA_FIELD -> extraField(d);
            case HUGE_BODY -> hugeBody(d);
            case CONTENT_TYPE -> contentType(d);
            case PATH_PARAM -> pathParam(d);
            case QUERY_PARAM -> queryParam(d);
            case METHOD -> method(d);
            case IDEMPOTENCY_KEY -> idempotencyKey(d);
            case HEADER_NOISE -> headerNoise(d);
            case BAD_CSV -> badCsv(d);
            case BAD_IMAGE -> badImage(d);
            case QR_TEXT -> qrText(d);
        }
        return d.build(index, kind);
    }

    /**
     * The order the endpoints are fuzzed in: every endpoint in every round, and those with more ways to be broken
     * (bodies with fields, camera frames, the roster) in more rounds — so a short run still reaches all of them.
     */
    static List<Endpoint> schedule(List<Endpoint> endpoints) {
        int rounds = endpoints.stream().mapToInt(Fuzzer::weight).max().orElse(1);
        List<Endpoint> out = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (Endpoint e : endpoints) {
                if (weight(e) > round) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /** How many ways this endpoint can be broken, and a floor of a few for the simplest (a page). */
    static int weight(Endpoint e) {
        return 4 + kindsFor(e).size();
    }

    private static List<Kind> kindsFor(Endpoint e) {
        List<Kind> kinds = new ArrayList<>();
        if (e.caller() != Caller.NONE) {
            add(kinds, Kind.AUTH, 2);
        }
        if (e.body() == Body.JSON || e.body() == Body.OPTIONAL_JSON) {
            add(kinds, Kind.MALFORMED_JSON, 3);
            add(kinds, Kind.CONTENT_TYPE, 1);
            add(kinds, Kind.HUGE_BODY, 1);
            if (!e.fields().isEmpty()) {
                add(kinds, Kind.WRONG_TYPE, 3);
                add(kinds, Kind.ODD_VALUE, 3);
                add(kinds, Kind.MISSING_FIELD, 2);
                add(kinds, Kind.EXTRA_FIELD, 1);
            }
        }
        if (e.body() == Body.CSV) {
            add(kinds, Kind.BAD_CSV, 10);
            add(kinds, Kind.HUGE_BODY, 1);
            add(kinds, Kind.CONTENT_TYPE, 1);
        }
        if (e.body() == Body.IMAGE) {
            add(kinds, Kind.BAD_IMAGE, 20);
            add(kinds, Kind.CONTENT_TYPE, 1);
            add(kinds, Kind.HUGE_BODY, 1);
        }
        if (e.name().equals("kioskIdentify")) {
            add(kinds, Kind.QR_TEXT, 10);
        }
        if (!e.pathValues().isEmpty()) {
            add(kinds, Kind.PATH_PARAM, 2);
        }
        if (!e.queryKinds().isEmpty()) {
            add(kinds, Kind.QUERY_PARAM, 3);
        } else if (e.method().equals("GET")) {
            add(kinds, Kind.QUERY_PARAM, 1);
        }
        if (e.idempotent()) {
            add(kinds, Kind.IDEMPOTENCY_KEY, 4);
        }
        if (e.method().equals("GET")) {
            add(kinds, Kind.HEADER_NOISE, 1);
            add(kinds, Kind.HUGE_BODY, 1);
        }
        add(kinds, Kind.METHOD, 1);
        return kinds;
    }

    private static void add(List<Kind> kinds, Kind kind, int weight) {
        for (int i = 0; i < weight; i++) {
            kinds.add(kind);
        }
    }

    // ----- the mutations -----

    private void auth(Draft d) {
        Endpoint e = d.e;
        d.goodAuth = false;
        d.expect = Expect.REJECT;
        switch (e.caller()) {
            case MOBILE_JKN -> {
                switch (random.nextInt(5)) {
                    case 0 -> d.describe("no x-token");
                    case 1 -> {
                        d.headers.put("x-username", Catalog.USERNAME_MJKN);
                        d.headers.put("x-token", header(bad.oddString()));
                        d.describe("x-token odd");
                    }
                    case 2 -> {
                        d.headers.put("x-username", header(bad.oddString()));
                        d.headers.put("x-token", "{GOOD}");
                        d.describe("x-username odd, good x-token");
                    }
                    case 3 -> {
                        d.headers.put("x-username", Catalog.USERNAME_MJKN);
                        d.headers.put("x-token", "{GOOD}x");
                        d.describe("x-token one character longer");
                    }
                    default -> {
                        d.headers.put("x-username", Catalog.USERNAME_MJKN);
                        d.headers.put("x-token", "t".repeat(5_000));
                        d.describe("x-token of 5000 characters");
                    }
                }
            }
            case MOBILE_JKN_LOGIN -> {
                switch (random.nextInt(4)) {
                    case 0 -> d.describe("no x-username, no x-password");
                    case 1 -> {
                        d.headers.put("x-username", Catalog.USERNAME_MJKN);
                        d.headers.put("x-password", header(bad.oddString()));
                        d.describe("x-password odd");
                    }
                    case 2 -> {
                        d.headers.put("x-username", header(bad.oddString()));
                        d.headers.put("x-password", "{GOOD}");
                        d.describe("x-username odd, good password");
                    }
                    default -> {
                        d.headers.put("x-username", Catalog.USERNAME_MJKN);
                        d.headers.put("x-password", "p".repeat(6_000));
                        d.describe("x-password of 6000 characters");
                    }
                }
            }
            case KIOSK_SETTINGS -> {
                if (random.nextBoolean()) {
                    d.headers.put("X-Kiosk-Settings", header(bad.oddString()));
                    d.describe("X-Kiosk-Settings odd");
                } else {
                    d.describe("no X-Kiosk-Settings");
                }
            }
            default -> {
                List<String> values = new ArrayList<>(List.of("", "Bearer", "Bearer ", "Basic cmVzZXBzaW9uaXM6eA==",
                        "Bearer " + header(bad.oddString()), "Bearer " + "x".repeat(5_000), "Bearer {GOOD}x",
                        "Token {GOOD}", "Bearer " + "y".repeat(20_000), "Bearer a b c", "Bearer%20{GOOD}"));
                if (e.caller() == Caller.ADMIN || e.caller() == Caller.OPERATOR) {
                    values.add("Bearer {RECEPTIONIST}");
                }
                int pick = random.nextInt(values.size() + 1);
                if (pick == values.size()) {
                    d.describe("no Authorization");
                } else {
                    d.headers.put("Authorization", values.get(pick));
                    d.describe("Authorization: " + FuzzCase.shorten(values.get(pick), 60));
                }
            }
        }
    }

    private void malformedJson(Draft d) {
        byte[] body = bad.malformedJson(d.e.validBody());
        d.body = body;
        d.describe("malformed JSON");
        boolean blank = new String(body, StandardCharsets.UTF_8).isBlank();
        boolean anObject = decodesToObject(body);
        if (d.e.target() == Target.KIOSK || anObject) {
            d.expect = Expect.ANY;           // the kiosk reads an absent body as {}; a decodable object may be fine
        } else if (blank && d.e.body() == Body.OPTIONAL_JSON) {
            d.expect = Expect.ANY;           // no body: the action applies to the counter's current ticket
        } else {
            d.expect = Expect.REJECT;
        }
    }

    private void wrongType(Draft d) {
        Contract.Field f = bad.pick(d.e.fields());
        String literal = bad.wrongTypeLiteral(f.type(), f.enumValues());
        d.body = bytes(withField(d.body(), f.name(), literal));
        d.describe(f.name() + " = " + FuzzCase.shorten(literal, 60));
        d.expect = strictJson(d.e) && refusedByContract(f, literal) ? Expect.REJECT : Expect.ANY;
    }

    private void missingField(Draft d) {
        JsonObject valid = new JsonObject(d.body());
        List<Contract.Field> present = d.e.fields().stream().filter(f -> valid.containsKey(f.name())).toList();
        boolean requiredGone;
        if (present.isEmpty() || random.nextInt(4) == 0) {
            d.body = bytes("{}");
            d.describe("every field left out");
            requiredGone = d.e.fields().stream().anyMatch(Contract.Field::required);
        } else {
            Contract.Field f = bad.pick(present);
            valid.remove(f.name());
            d.body = bytes(valid.encode());
            d.describe(f.name() + " left out");
            requiredGone = f.required();
        }
        d.expect = strictJson(d.e) && requiredGone ? Expect.REJECT : Expect.ANY;
    }

    private void oddValue(Draft d) {
        Contract.Field f = bad.pick(d.e.fields());
        String literal;
        boolean refused;
        if (f.type().equals("string")) {
            String value = bad.oddString();
            literal = BadInputs.jsonString(value);
            refused = f.refuses(value);
        } else {
            literal = bad.oddNumber();
            refused = f.type().equals("boolean");
        }
        d.body = bytes(withField(d.body(), f.name(), literal));
        d.describe(f.name() + " = " + FuzzCase.shorten(literal, 60));
        d.expect = strictJson(d.e) && refused ? Expect.REJECT : Expect.ANY;
    }

    private void extraField(Draft d) {
        List<String> names = EXTRA_NAMES.stream()
                .filter(n -> d.e.fields().stream().noneMatch(f -> f.name().equals(n))).toList();
        String name = bad.pick(names);
        String value = random.nextBoolean() ? bad.oddStringLiteral() : bad.wrongTypeLiteral("string", List.of());
        d.body = bytes(withField(d.body(), name, value));
        d.describe("unknown property " + FuzzCase.shorten(BadInputs.jsonString(name), 40));
        d.expect = strictJson(d.e) ? Expect.REJECT : Expect.ANY;
    }

    private void hugeBody(Draft d) {
        Endpoint e = d.e;
        int size = e.body() == Body.CSV ? 17 * 1024 * 1024 : bad.pick(List.of(100_000, 1_000_000, 6_000_000));
        if (e.body() == Body.CSV) {
            byte[] csv = new byte[size];
            byte[] row = "0001234567890,7371011205580001,Budi,KELAS III,PBI (APBN)\n".getBytes(StandardCharsets.US_ASCII);
            byte[] header = ROSTER_HEADER.getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(header, 0, csv, 0, header.length);
            for (int at = header.length; at < size; at += row.length) {
                System.arraycopy(row, 0, csv, at, Math.min(row.length, size - at));
            }
            d.body = csv;
        } else if (e.body() == Body.IMAGE) {
            size = 6_000_000;
            d.body = BadInputs.concat(BadInputs.PNG_MAGIC, new byte[size]);
            d.headers.put("Content-Type", "image/png");
        } else {
            d.body = BadInputs.hugeJson(size);
            d.headers.put("Content-Type", "application/json");
        }
        d.describe("a body of " + d.body.length + " bytes");
        boolean writes = !e.method().equals("GET");
        boolean limited = switch (e.target()) {
            case API, MOBILE_JKN -> true;
            case KIOSK -> e.path().startsWith("/api/") || e.path().equals("/scan");
        };
        d.expect = writes && limited ? Expect.REJECT : Expect.ANY;
    }

    private void contentType(Draft d) {
        String type = bad.pick(BadInputs.ODD_CONTENT_TYPES);
        d.headers.put("Content-Type", type);
        d.describe("Content-Type: " + type);
        String media = type.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (d.e.body() == Body.IMAGE) {
            d.body = BadInputs.qrImage(bad.pick(BadInputs.ODD_QR_TEXTS), "png");
            d.expect = media.equals("image/png") || media.equals("image/jpeg") ? Expect.ANY : Expect.REJECT;
        } else {
            d.expect = strictJson(d.e) && NOT_JSON.contains(media) ? Expect.REJECT : Expect.ANY;
        }
    }

    private void pathParam(Draft d) {
        String name = bad.pick(new ArrayList<>(d.path.keySet()));
        String value = switch (name) {
            case "facility" -> random.nextInt(4) == 0 ? "klinik-demo" : bad.oddSegment();
            case "ticket", "device", "id" -> random.nextBoolean() ? bad.oddSegment()
                    : bad.pick(List.of("0", "-1", "abc", "1.0", "0x10", "+1", "%EF%BC%91", "1e3", "%201", "1%20", "2147483648",
                    "9223372036854775807", "9223372036854775808", "-9223372036854775809", "9".repeat(2_000)));
            case "tanggalperiksa" -> random.nextBoolean() ? bad.pick(BadInputs.ODD_DATES) : bad.oddSegment();
            case "file" -> random.nextBoolean() ? bad.oddSegment()
                    : bad.pick(List.of("..%2f..%2fpom.xml", "%2e%2e%2f%2e%2e%2fMETA-INF%2fMANIFEST.MF", "index.html%00.js",
                    "nope.html", "WEB-INF", ".", "..%5c..%5cwindows%5cwin.ini", "..%252f..%252fetc%252fpasswd",
                    "messages.json", "console", "index.html/", "%2e%2e/%2e%2e/%2e%2e/etc/passwd"));
            default -> bad.oddSegment();
        };
        d.path.put(name, value);
        d.describe(name + " = " + FuzzCase.shorten(value, 60));
        boolean facilityRefused = name.equals("facility")
                && (d.e.target() == Target.MOBILE_JKN || d.e.target() == Target.API && d.e.caller() != Caller.NONE);
        d.expect = facilityRefused ? Expect.REJECT : Expect.ANY;
    }

    private void queryParam(Draft d) {
        d.expect = Expect.ANY;
        if (d.e.queryKinds().isEmpty() || random.nextInt(6) == 0) {
            String extra = bad.pick(List.of("%zz=1", "a=%", "%00=%00", ";=;", "&&&", "a[b]=c", "a=1&a=2&a=3",
                    "lang=" + encode(bad.oddString()), "x=" + encode(bad.oddString()), "=", "?", "%26=%3D",
                    "x=1&".repeat(2_000), "y=" + "z".repeat(6_000)));
            d.rawQuery = d.query.isEmpty() ? extra : d.queryString() + "&" + extra;
            d.describe("query ?" + FuzzCase.shorten(extra, 60));
            return;
        }
        String name = bad.pick(new ArrayList<>(d.e.queryKinds().keySet()));
        ValueKind kind = d.e.queryKinds().get(name);
        switch (random.nextInt(8)) {
            case 0 -> {
                d.query.remove(name);
                d.describe(name + " left out");
            }
            case 1 -> {
                d.query.put(name, "");
                d.describe(name + " empty");
            }
            case 2 -> {
                String second = valueOf(kind);
                d.rawQuery = d.queryString() + (d.query.isEmpty() ? "" : "&") + name + "=" + second;
                d.describe(name + " twice, second " + FuzzCase.shorten(second, 60));
            }
            default -> {
                String value = valueOf(kind);
                d.query.put(name, value);
                d.describe(name + " = " + FuzzCase.shorten(value, 60));
            }
        }
    }

    /** A bad value for a query parameter of this kind, already as it goes in the URI. */
    private String valueOf(ValueKind kind) {
        return switch (kind) {
            case DATE -> encodeLoosely(bad.pick(BadInputs.ODD_DATES));
            case MONTH -> encodeLoosely(bad.pick(BadInputs.ODD_MONTHS));
            case NUMBER -> random.nextBoolean() ? encode(bad.oddNumber()) : bad.oddSegment();
            case CARD, NIK -> bad.pick(List.of(encode(bad.oddString()), bad.oddSegment(),
                    encode(bad.pick(BadInputs.ODD_QR_TEXTS)), "000123456789", "0001234567890%00",
                    "7371013201900001", "%EF%BC%90%EF%BC%90%EF%BC%90%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%95"
                            + "%EF%BC%96%EF%BC%97%EF%BC%98%EF%BC%99%EF%BC%90"));
            case TEXT, ENUM -> random.nextBoolean() ? encode(bad.oddString()) : bad.oddSegment();
        };
    }

    private void method(Draft d) {
        List<String> others = METHODS.stream().filter(m -> !m.equals(d.e.method())).toList();
        d.method = bad.pick(others);
        if (d.method.equals("GET") || d.method.equals("OPTIONS") || d.method.equals("TRACE")) {
            d.body = null;
            d.headers.remove("Content-Type");
        }
        d.describe("method " + d.method + " instead of " + d.e.method());
        d.expect = Expect.ANY;
    }

    private void idempotencyKey(Draft d) {
        List<String> keys = List.of("", " ", "kunci antrean", "k".repeat(201), header("ключ-антрean"), "a\tb",
                header("\u00FC\u00F1\u00EE"), "x".repeat(9_000));
        int pick = random.nextInt(keys.size() + 1);
        if (pick == keys.size()) {
            d.headers.remove("Idempotency-Key");
            d.describe("no Idempotency-Key");
        } else {
            d.headers.put("Idempotency-Key", keys.get(pick));
            d.describe("Idempotency-Key " + FuzzCase.shorten(BadInputs.jsonString(keys.get(pick)), 40));
        }
        d.expect = d.e.target() == Target.API ? Expect.REJECT : Expect.ANY;
    }

    private void headerNoise(Draft d) {
        List<String[]> noise = List.of(
                new String[] {"Accept", "application/xml"},
                new String[] {"Accept", "*/*;q=abc, text/html;q=-1"},
                new String[] {"Accept-Language", header(bad.oddString())},
                new String[] {"Accept-Encoding", "gzip;q=2, br, zstd, x-unknown, *;q=0"},
                new String[] {"Range", "bytes=999999999999999-"},
                new String[] {"Range", "bytes=5-1"},
                new String[] {"Range", "bytes=" + "0-0,".repeat(500) + "0-0"},
                new String[] {"Range", "items=-"},
                new String[] {"If-None-Match", header(bad.oddString())},
                new String[] {"If-Modified-Since", "Sun, 99 Foo 99999 99:99:99 GMT"},
                new String[] {"Last-Event-ID", bad.pick(List.of("-1", "abc", "9".repeat(40), "1e9", " ", "0x10"))},
                new String[] {"Cookie", header(bad.oddString()) + "=" + header(bad.oddString())},
                new String[] {"X-Forwarded-For", header(bad.oddString())},
                new String[] {"Origin", "null"},
                new String[] {"Content-Type", "application/json"});
        String[] h = bad.pick(noise);
        d.headers.put(h[0], h[1]);
        d.describe(h[0] + ": " + FuzzCase.shorten(h[1], 60));
        d.expect = Expect.ANY;
    }

    private void badCsv(Draft d) {
        String row = "0001234567890,7371011205580001,Budi,KELAS III,PBI (APBN)\n";
        byte[] body = switch (random.nextInt(14)) {
            case 0 -> new byte[0];
            case 1 -> bytes(ROSTER_HEADER);
            case 2 -> bytes("a,b,c\n1,2,3\n");
            case 3 -> bytes(ROSTER_HEADER + String.join(",", bad.oddString(), bad.oddString(), bad.oddString(),
                    bad.oddString(), bad.oddString()) + "\n");
            case 4 -> bytes(ROSTER_HEADER + "\"0001234567890,7371011205580001,\"Budi,KELAS III\n");
            case 5 -> bytes("nomor_kartu;nik;nama\n0001234567890,7371011205580001,Budi\n");
            case 6 -> bytes("\uFEFF" + ROSTER_HEADER + row);
            case 7 -> bad.randomBytes(1 + random.nextInt(4_000));
            case 8 -> bad.withOddBytes(ROSTER_HEADER + "0001234567890,7371011205580001,\":\"Budi,KELAS III,PBI\n");
            case 9 -> bytes(ROSTER_HEADER + row + row);
            case 10 -> bytes(ROSTER_HEADER + "0001234567890" + ",x".repeat(20_000) + "\n");
            case 11 -> bytes(ROSTER_HEADER + "0001234567890\u0000,7371011205580001\u0000,B\u0000,K,P\n");
            case 12 -> bytes(ROSTER_HEADER.replace("\n", "\r") + row.replace("\n", "\r"));
            default -> bytes(ROSTER_HEADER + "0009999999999,7371011205580001,X,KELAS I,PBI (APBN)\n"
                    + bad.oddString() + "," + bad.oddString() + "\n");
        };
        d.body = body;
        d.describe("roster CSV");
        d.expect = Expect.ANY;
    }

    private void badImage(Draft d) {
        d.body = bad.badImage();
        String type = bad.pick(List.of("image/png", "image/jpeg", "image/jpeg; charset=binary", "IMAGE/PNG"));
        d.headers.put("Content-Type", type);
        d.describe("frame (" + type + ")");
        d.expect = Expect.ANY;
    }

    private void qrText(Draft d) {
        String text = random.nextBoolean() ? bad.pick(BadInputs.ODD_QR_TEXTS) : bad.oddString();
        d.body = bytes(new JsonObject().put("text", text).encode());
        d.describe("text " + FuzzCase.shorten(BadInputs.jsonString(text), 60));
        d.expect = Expect.ANY;
    }

    // ----- helpers -----

    /** Bodies the contract validates as JSON (the API's own JSON bodies; not the kiosk's, not Mobile JKN's). */
    private static boolean strictJson(Endpoint e) {
        return e.target() == Target.API && (e.body() == Body.JSON || e.body() == Body.OPTIONAL_JSON);
    }

    /** Whether the contract refuses this raw JSON literal as the field's value. */
    private static boolean refusedByContract(Contract.Field f, String literal) {
        Object value;
        try {
            value = Json.decodeValue(literal);
        } catch (RuntimeException e) {
            return true;                      // not even JSON
        }
        return switch (f.type()) {
            case "string" -> !(value instanceof String s) || f.refuses(s);
            // A whole number in any spelling may pass the schema (and then be no ticket of ours): not sure.
            case "integer", "number" -> !(value instanceof Number);
            case "boolean" -> !(value instanceof Boolean);
            default -> false;
        };
    }

    private static boolean decodesToObject(byte[] body) {
        try {
            return Json.decodeValue(Buffer.buffer(body)) instanceof JsonObject;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The body with this property set to a raw JSON literal (added when it is not there). */
    private static String withField(String body, String name, String literal) {
        JsonObject valid = body == null ? new JsonObject() : new JsonObject(body);
        List<String> members = new ArrayList<>();
        boolean set = false;
        for (Map.Entry<String, Object> m : valid) {
            if (m.getKey().equals(name)) {
                members.add(BadInputs.jsonString(name) + ":" + literal);
                set = true;
            } else {
                members.add(BadInputs.jsonString(m.getKey()) + ":" + Json.encode(m.getValue()));
            }
        }
        if (!set) {
            members.add(BadInputs.jsonString(name) + ":" + literal);
        }
        return "{" + String.join(",", members) + "}";
    }

    /**
     * A value as an HTTP header can carry it: control characters left out, anything beyond ASCII as its UTF-8
     * bytes (what a client that does not care would put on the wire).
     */
    static String header(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        for (byte b : utf8) {
            int c = b & 0xFF;
            if (c >= 0x20 && c != 0x7F || c == '\t') {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Percent-encodes what a URI cannot carry, leaving existing escapes (e.g. {@code %00}) as they are. */
    private static String encodeLoosely(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c > 0x20 && c < 0x7F && c != '#' && c != '&' && c != '+') {
                out.append((char) c);
            } else {
                out.append(String.format("%%%02X", c));
            }
        }
        return out.toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A case being made: the endpoint's good request, then broken. */
    private final class Draft {
        final Endpoint e;
        String method;
        final Map<String, String> path;
        final Map<String, String> query;
        String rawQuery;
        boolean goodAuth = true;
        final Map<String, String> headers = new LinkedHashMap<>();
        byte[] body;
        Expect expect = Expect.ANY;
        String description = "";

        Draft(Endpoint e) {
            this.e = e;
            this.method = e.method();
            this.path = new LinkedHashMap<>(e.pathValues());
            this.query = new LinkedHashMap<>(e.query());
            if (e.idempotent()) {
                headers.put("Idempotency-Key", key());
            }
            switch (e.body()) {
                case JSON, OPTIONAL_JSON -> headers.put("Content-Type", "application/json");
                case CSV -> headers.put("Content-Type", "text/csv");
                case IMAGE -> headers.put("Content-Type", "image/png");
                case NONE -> {
                }
            }
            if (e.validBody() != null) {
                body = bytes(e.validBody().replace("{KEY}", key()));
            }
        }

        String body() {
            return body == null ? null : new String(body, StandardCharsets.UTF_8);
        }

        String key() {
            return "drill-" + Long.toHexString(random.nextLong());
        }

        void describe(String text) {
            description = text;
        }

        String queryString() {
            return Endpoint.queryString(query).replaceFirst("^\\?", "");
        }

        FuzzCase build(int index, Kind kind) {
            String p = e.withValues(path);
            String q = rawQuery != null ? rawQuery : queryString();
            return new FuzzCase(index, e, kind.name(), description, method, q.isEmpty() ? p : p + "?" + q, goodAuth,
                    java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers)),
                    body == null ? null : Arrays.copyOf(body, body.length), expect);
        }
    }
}
