package id.antrean.kiosk.print;

import java.util.Locale;

/**
 * File names for ticket PDFs: {@code ticket-<id>-<label>.pdf}, from whatever hint the caller gives
 * ({@code "123-A-012"} or already {@code "ticket-123-A-012.pdf"}). Only letters, digits, '-', '_' and '.' survive,
 * so a hint can never name another folder ({@code ../}) or a device.
 */
final class TicketFileNames {
    private static final String PREFIX = "ticket-";
    private static final String SUFFIX = ".pdf";
    private static final int MAX_STEM = 100;

    private TicketFileNames() {
    }

    static String forHint(String hint) {
        String stem = hint == null ? "" : hint.strip();
        if (stem.toLowerCase(Locale.ROOT).endsWith(SUFFIX)) {
            stem = stem.substring(0, stem.length() - SUFFIX.length());
        }
        if (stem.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            stem = stem.substring(PREFIX.length());
        }
        StringBuilder safe = new StringBuilder(stem.length());
        stem.codePoints().forEach(c -> safe.append(isSafe(c) ? (char) c : '_'));
        // Dots only inside the name: no hidden files, no ".." however the hint was built.
        String cleaned = safe.toString().replaceAll("\\.{2,}", "_").replaceAll("^[._]+|[._]+$", "");
        if (cleaned.length() > MAX_STEM) {
            cleaned = cleaned.substring(0, MAX_STEM);
        }
        return PREFIX + (cleaned.isEmpty() ? "unnamed" : cleaned) + SUFFIX;
    }

    private static boolean isSafe(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                || c == '.';
    }
}
