package id.antrean.catalog;

import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the waiting-room display can say as a room's name. It speaks from recorded clips (the {@code display}
 * module's {@code assets/voice.js}): numbers as words, a single letter by its name, and the words of its
 * {@code VOCABULARY} that have a clip in {@code voice/clips.json}; any other word it would spell letter by
 * letter, which nobody understands. The vocabulary is read from those two files, so the server refuses exactly
 * what the display cannot say, and a word added there (with its clip) is accepted here without a change.
 */
public final class SpokenNames {
    private static final String VOICE_JS = "display/assets/voice.js";
    private static final String CLIPS_JSON = "display/assets/voice/clips.json";
    private static final Pattern VOCABULARY = Pattern.compile("const VOCABULARY = \\[(.*?)\\];", Pattern.DOTALL);
    private static final Pattern QUOTED = Pattern.compile("'([a-z]+)'");
    /** As voice.js's tokens(): runs of letters or digits, accents dropped, lower case. */
    private static final Pattern TOKEN = Pattern.compile("[a-z]+|[0-9]+");

    private final Set<String> words;

    SpokenNames(Set<String> words) {
        this.words = Set.copyOf(words);
    }

    /** The display's vocabulary, from the display module on the class path. */
    public static SpokenNames ofDisplay() {
        Matcher list = VOCABULARY.matcher(resource(VOICE_JS));
        if (!list.find()) {
            throw new IllegalStateException(VOICE_JS + " has no VOCABULARY");
        }
        Set<String> clips = new LinkedHashSet<>();
        new JsonObject(resource(CLIPS_JSON)).getJsonArray("clips").forEach(c -> clips.add((String) c));
        Set<String> words = new TreeSet<>();
        Matcher word = QUOTED.matcher(list.group(1));
        while (word.find()) {
            if (clips.contains(word.group(1))) {
                words.add(word.group(1));
            }
        }
        return new SpokenNames(words);
    }

    /** Every word the display has a clip for, in alphabetical order. */
    public List<String> words() {
        return List.copyOf(new TreeSet<>(words));
    }

    /** The words of {@code name} the display cannot say; empty when it can say all of it. */
    public List<String> unsayable(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        List<String> missing = new ArrayList<>();
        Matcher token = TOKEN.matcher(plain);
        while (token.find()) {
            String t = token.group();
            boolean sayable = Character.isDigit(t.charAt(0)) || t.length() == 1 || words.contains(t);
            if (!sayable && !missing.contains(t)) {
                missing.add(t);
            }
        }
        return missing;
    }

    /** The spoken name as given; 400 SPOKEN_NAME_UNSAYABLE naming what it cannot say and what it can. */
    public String require(String name) {
        List<String> missing = unsayable(name);
        if (!missing.isEmpty()) {
            throw Problem.ofField(ErrorCode.SPOKEN_NAME_UNSAYABLE, "spokenName", String.join(", ", missing),
                    String.join(", ", words()));
        }
        return name.strip();
    }

    private static String resource(String path) {
        try (InputStream in = SpokenNames.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the class path (the display module)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
