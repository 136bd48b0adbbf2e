package id.antrean.bpjs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Properties of the lz-string port that the fixed vectors alone do not pin down. */
class LzStringTest {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$";
    private static final String[] NAMES = {
        "Ni Kadek Ayu Lestari", "I Gusti Ngurah Rai", "Siti Nurhaliza", "Muhammad Rizky Pratama",
        "Dewi Sartika", "Andi Tenri Abeng", "Ketut Sumerta", "Yohanes Kakerissa", "Putu Ayu Wulandari", "Budi Santoso"
    };
    private static final String VALID_PLAIN = "{\"noKartu\":\"0001261832477\",\"nama\":\"CONTOH PESERTA\",\"aktif\":true,"
            + "\"ketAktif\":\"AKTIF\",\"kdProviderPst\":{\"kdProvider\":\"17050101\",\"nmProvider\":\"PUSKESMAS CONTOH\"},"
            + "\"jnsPeserta\":{\"kode\":\"22\",\"nama\":\"PBI (APBD)\"},\"jnsKelas\":{\"kode\":\"3\",\"nama\":\"KELAS III\"},"
            + "\"tglAkhirBerlaku\":\"31-12-2050\",\"tunggakan\":0}";
    /** A valid encoding of VALID_PLAIN (the plaintext vector in vectors.json), reused for truncation. */
    private static final String VALID = "N4Igdg9g0ghgTgFwK4gFwgAxYIwCYBs2AHAMy4AsA7JSADTgwC2MaIAwgPIByAKhwBIACAAoBRAMqiASjwCCdEDADWCAJYAzNAjhIApvSW6EslRtayoPAJIAxBUoAmwuBABuqh7rjCAzgjSgjs5uHl6s2JQYAKwY2LEKYIzB7p5wrMIAquJQEgCysuKCnLwCIAC+9ABWYD7Cuj5eCCyogRCerLi4CUzNIMIAQlaCABSyAwAiAJTlVTVQugA2MD4BIEptuqwk3cysOQAyBYJWJzMgCADmCyYAFqpw-V5LSijoJNgAtHgfuNEYCsgwBcLsoYGA0BgykA";

    @Test
    void thousandsOfGeneratedStringsRoundTripThroughTheUriSafeAlphabet() {
        Random random = new Random(20261125L);
        for (int i = 0; i < 6000; i++) {
            String input = generate(random, i % 7);
            String encoded = LzString.compressToEncodedURIComponent(input);
            assertThat(encoded).as("case %d", i).isNotEmpty();
            assertThat(encoded.chars().allMatch(ch -> ALPHABET.indexOf(ch) >= 0))
                    .as("case %d uses only the URI-safe alphabet: %s", i, encoded).isTrue();
            assertThat(LzString.decompressFromEncodedURIComponent(encoded)).as("case %d", i).isEqualTo(input);
        }
    }

    @Test
    void emojiCjkAndLoneSurrogatesRoundTripAsUtf16CodeUnits() {
        for (String input : new String[] {"😀", "😀😀😀 🇮🇩", "日本語 𠀋𠀋 𝄞", "\uD83D", "a\uDE00b\uD83D", "ü✓—"}) {
            String decoded = LzString.decompressFromEncodedURIComponent(LzString.compressToEncodedURIComponent(input));
            assertThat(decoded).isEqualTo(input);
            assertThat(decoded.chars().toArray()).isEqualTo(input.chars().toArray());
        }
    }

    @Test
    void smallInputsMatchTheJavaScriptLibrary() {
        // Expected values computed under Node 20 with the lz-string algorithm (the same code reproduces vectors.json).
        assertThat(LzString.compressToEncodedURIComponent("")).isEqualTo("Q");
        assertThat(LzString.compressToEncodedURIComponent("a")).isEqualTo("IZA");
        assertThat(LzString.compressToEncodedURIComponent("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")).isEqualTo("IY18ZXSQ");
        assertThat(LzString.compressToEncodedURIComponent("😀😀😀 日本語 𝄞 \uD800 lone"))
                .isEqualTo("rwbgA92gCRT00GnNDyoigWDcHi7FAAGxANgewHYFMg");
    }

    @Test
    void theProtoKeyQuirkOfJavaScriptObjectsIsReproduced() {
        // In JS, dictionary["__proto__"] = n is a no-op, so that phrase is numbered but never reused.
        String input = "{\"__proto__\":1,\"a\":\"__proto__\"}";
        String encoded = LzString.compressToEncodedURIComponent(input);
        assertThat(encoded).isEqualTo("N4Ig+mAOBOD2AusIgFwEYA0ICGrxTkWQF8g");
        assertThat(LzString.decompressFromEncodedURIComponent(encoded)).isEqualTo(input);
        assertThat(LzString.compressToEncodedURIComponent("__proto__ __proto__ __proto__x"))
                .isEqualTo("PrAOCcHsBdJACEEZ2IsVYgB5A");
    }

    @Test
    void emptyInputDecodesToEmptyAndTheEmptyStreamToo() {
        assertThat(LzString.decompressFromEncodedURIComponent("")).isEqualTo("");
        assertThat(LzString.decompressFromEncodedURIComponent("Q")).isEqualTo("");
        assertThat(LzString.decompressFromEncodedURIComponent(null)).isNull();
    }

    @Test
    void aSpaceIsReadAsPlus() {
        Random random = new Random(7L);
        String input = null;
        String encoded = null;
        for (int i = 0; i < 10_000 && (encoded == null || encoded.indexOf('+') < 0); i++) {
            input = generate(random, 5);
            encoded = LzString.compressToEncodedURIComponent(input);
        }
        assertThat(encoded).as("a generated encoding containing '+'").contains("+");
        assertThat(LzString.decompressFromEncodedURIComponent(encoded.replace('+', ' '))).isEqualTo(input);
    }

    @Test
    void charactersOutsideTheAlphabetMakeTheInputInvalid() {
        assertThat(LzString.decompressFromEncodedURIComponent(VALID.substring(0, 40) + "!" + VALID.substring(41))).isNull();
        // As in JS, whatever follows the end marker is never read, so trailing junk is harmless.
        assertThat(LzString.decompressFromEncodedURIComponent(VALID + "=\n")).isEqualTo(VALID_PLAIN);
        assertThat(LzString.decompressFromEncodedURIComponent("N4Ig/mAO")).isNull();
        assertThat(LzString.decompressFromEncodedURIComponent("日本")).isNull();
    }

    @Test
    void everyCutOfAValidStreamIsInvalidRatherThanAShorterText() {
        // Zero bits read past the end can look like an end marker; JS then returns the partial text.
        for (int cut = 1; cut < VALID.length(); cut++) {
            assertThat(LzString.decompressFromEncodedURIComponent(VALID.substring(0, cut))).as("cut at %d", cut).isNull();
        }
        assertThat(LzString.decompressFromEncodedURIComponent(VALID)).isEqualTo(VALID_PLAIN);
    }

    @Test
    void garbageNeverThrowsOrHangs() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            Random random = new Random(99L);
            int decodedSomething = 0;
            for (int i = 0; i < 20_000; i++) {
                int length = 1 + random.nextInt(120);
                StringBuilder garbage = new StringBuilder(length);
                for (int j = 0; j < length; j++) {
                    garbage.append(random.nextInt(50) == 0
                            ? (char) random.nextInt(0x10000)
                            : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
                if (LzString.decompressFromEncodedURIComponent(garbage.toString()) != null) {
                    decodedSomething++;
                }
            }
            // lz-string has no checksum: garbage that starts with an end marker is the empty text, and so on.
            // Both outcomes must occur, or the generator is not exercising the decoder.
            assertThat(decodedSomething).isBetween(1, 19_999);
            // Truncated valid streams with one character changed: still almost always recognised as broken.
            int damagedDecoded = 0;
            for (int i = 0; i < 2_000; i++) {
                StringBuilder damaged = new StringBuilder(VALID.substring(0, 1 + random.nextInt(VALID.length() - 1)));
                damaged.setCharAt(random.nextInt(damaged.length()), ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                if (LzString.decompressFromEncodedURIComponent(damaged.toString()) != null) {
                    damagedDecoded++;
                }
            }
            assertThat(damagedDecoded).isLessThan(200);
        });
    }

    private static String generate(Random random, int kind) {
        return switch (kind) {
            case 0 -> "";
            case 1 -> String.valueOf((char) random.nextInt(0x10000));
            case 2 -> repetitive(random);
            case 3 -> randomBmp(random, random.nextInt(300));
            case 4 -> emojiAndCjk(random, random.nextInt(200));
            case 5 -> patientJson(random);
            default -> randomCodeUnits(random, random.nextInt(300));
        };
    }

    private static String repetitive(Random random) {
        String word = randomAscii(random, 1 + random.nextInt(6));
        int times = 1 + random.nextInt(800);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < times; i++) {
            sb.append(word);
            if (random.nextInt(10) == 0) {
                sb.append(randomAscii(random, 1));
            }
        }
        return sb.toString();
    }

    private static String randomAscii(Random random, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append((char) (32 + random.nextInt(95)));
        }
        return sb.toString();
    }

    /** BMP characters that are not surrogates: whole code points, one code unit each. */
    private static String randomBmp(Random random, int length) {
        StringBuilder sb = new StringBuilder(length);
        while (sb.length() < length) {
            char ch = (char) random.nextInt(0x10000);
            if (!Character.isSurrogate(ch)) {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static String emojiAndCjk(Random random, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(4)) {
                case 0 -> sb.appendCodePoint(0x1F300 + random.nextInt(0x700));  // emoji, surrogate pairs
                case 1 -> sb.appendCodePoint(0x20000 + random.nextInt(0x2A6E0 - 0x20000)); // CJK extension B
                case 2 -> sb.appendCodePoint(0x4E00 + random.nextInt(0x5200));   // CJK, BMP
                default -> sb.append(randomAscii(random, 1));
            }
        }
        return sb.toString();
    }

    /** Any UTF-16 code units, lone surrogates included: JavaScript strings allow them and so must the port. */
    private static String randomCodeUnits(Random random, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append((char) random.nextInt(0x10000));
        }
        return sb.toString();
    }

    private static String patientJson(Random random) {
        JsonArray rows = new JsonArray();
        int count = 1 + random.nextInt(8);
        for (int i = 0; i < count; i++) {
            rows.add(new JsonObject()
                    .put("noKartu", String.format("%013d", Math.abs(random.nextLong() % 10_000_000_000_000L)))
                    .put("nama", NAMES[random.nextInt(NAMES.length)])
                    .put("aktif", random.nextBoolean())
                    .put("ketAktif", random.nextBoolean() ? "AKTIF" : "TIDAK AKTIF")
                    .put("kdProviderPst", new JsonObject().put("kdProvider", "1705010" + random.nextInt(10))
                            .put("nmProvider", "PUSKESMAS " + NAMES[random.nextInt(NAMES.length)].toUpperCase()))
                    .put("tunggakan", random.nextInt(3)));
        }
        return new JsonObject().put("list", rows).put("count", count).encode();
    }
}
