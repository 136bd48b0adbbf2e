package id.antrean.auth;

import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be, for the first operator and for staff alike: at least 10 characters, not the
 * username (in any case, or reversed), and not one of the passwords people pick first ({@code
 * auth/common-passwords.txt}). Checked before hashing, so a refused password costs no bcrypt.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 10;
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** Refuses the password with {@code PASSWORD_TOO_WEAK} (naming the field) unless it follows the policy. */
    public static void check(String field, String username, String password) {
        if (!acceptable(username, password)) {
            throw Problem.ofField(ErrorCode.PASSWORD_TOO_WEAK, field, MIN_LENGTH);
        }
    }

    static boolean acceptable(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH
                || !Passwords.isHashable(password)) {
            return false;
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank()) {
            String name = username.toLowerCase(Locale.ROOT);
            if (lower.contains(name) || lower.contains(new StringBuilder(name).reverse())) {
                return false;
            }
        }
        return !COMMON.contains(lower) && lower.chars().distinct().count() > 2;
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/auth/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("auth/common-passwords.txt is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String word = line.strip().toLowerCase(Locale.ROOT);
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
