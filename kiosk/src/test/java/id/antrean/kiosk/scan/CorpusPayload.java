package id.antrean.kiosk.scan;

import id.antrean.kiosk.scan.ScanPayload.Kind;
import java.util.List;
import java.util.Random;

/**
 * A text to put in a corpus QR code, and how {@link ScanPayload} must classify it. The numbers are random
 * and synthetic (valid in form only): the corpus must not carry anyone's real card number or NIK.
 */
record CorpusPayload(String shape, String text, Kind expectedKind, String expectedValue) {

    static final List<String> SHAPES = List.of("card", "nik", "json", "ticket");

    private static final List<String> NAMES = List.of("BUDI S", "SITI A", "ANDI W", "NUR H", "DEWI K", "AGUS P");

    static CorpusPayload of(String shape, Random random) {
        return switch (shape) {
            case "card" -> {
                String card = cardNumber(random);
                yield new CorpusPayload(shape, card, Kind.CARD, card);
            }
            case "nik" -> {
                String nik = nik(random);
                yield new CorpusPayload(shape, nik, Kind.NIK, nik);
            }
            case "json" -> {
                // What an app might put in its QR: the number among other fields.
                String card = cardNumber(random);
                String text = "{\"noKartu\":\"" + card + "\",\"nama\":\"" + NAMES.get(random.nextInt(NAMES.size()))
                        + "\",\"kelas\":" + (1 + random.nextInt(3)) + "}";
                yield new CorpusPayload(shape, text, Kind.CARD, card);
            }
            case "ticket" -> {
                String code = "ANTREAN:pkm-demo:" + (1 + random.nextInt(99_999)) + ":" + (char) ('A' + random.nextInt(5))
                        + "-" + String.format("%03d", 1 + random.nextInt(200));
                yield new CorpusPayload(shape, code, Kind.BOOKING, code);
            }
            default -> throw new IllegalArgumentException(shape);
        };
    }

    private static String cardNumber(Random random) {
        return "000" + digits(random, 10);
    }

    private static String nik(Random random) {
        int day = 1 + random.nextInt(28) + (random.nextBoolean() ? 40 : 0);
        return String.format("%02d%02d%02d%02d%02d%02d%04d", 11 + random.nextInt(84), 1 + random.nextInt(70),
                1 + random.nextInt(40), day, 1 + random.nextInt(12), random.nextInt(100), 1 + random.nextInt(9_999));
    }

    private static String digits(Random random, int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }
}
