package id.antrean.bpjs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The URI-safe variant of lz-string 1.5.0 (pieroxy), which BPJS applies to JSON before encrypting it.
 * A port of the JavaScript reference, working on UTF-16 code units exactly as JavaScript strings do, so
 * that output matches the JS library character for character and any string, including unpaired
 * surrogates, round-trips.
 */
public final class LzString {
    private static final String URI_SAFE =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$";
    private static final int BITS_PER_CHAR = 6;
    private static final int[] REVERSE = new int[128];

    static {
        Arrays.fill(REVERSE, -1);
        for (int i = 0; i < URI_SAFE.length(); i++) {
            REVERSE[URI_SAFE.charAt(i)] = i;
        }
    }

    /**
     * JavaScript stores the compression dictionary in a plain object, where assigning the key
     * {@code "__proto__"} a number is silently ignored. The entry is numbered but never found again;
     * reproducing that keeps the output identical to the JS library for texts containing that word.
     */
    private static final String JS_UNSTORABLE_KEY = "__proto__";

    private LzString() {
    }

    /** lz-string 1.5.0's compressToEncodedURIComponent (URI-safe alphabet A–Z a–z 0–9 + - $). Null is refused. */
    public static String compressToEncodedURIComponent(String input) {
        Objects.requireNonNull(input, "input");
        return new Compressor().compress(input);
    }

    /**
     * The inverse. Tolerant: a ' ' is read as '+' (some transports turn '+' into a space). Returns null for
     * input that is not a valid encoding (never throws on bad input, never loops forever); "" for "".
     * Stricter than the JS library only where JS would invent data: a character outside the alphabet that
     * the stream actually uses (JS reads it as 0), and a stream that runs out before its end marker or whose
     * end marker needs bits beyond the input (JS returns "" or a truncated text) give null. As in JS,
     * anything after the end marker is ignored.
     */
    public static String decompressFromEncodedURIComponent(String input) {
        if (input == null) {
            return null;
        }
        if (input.isEmpty()) {
            return "";
        }
        int[] values = new int[input.length()];
        for (int i = 0; i < values.length; i++) {
            char ch = input.charAt(i);
            if (ch == ' ') {
                ch = '+';
            }
            values[i] = ch < REVERSE.length ? REVERSE[ch] : -1; // -1: only an error if the stream reads it
        }
        return decompress(values);
    }

    /** The bit packing of lz-string's _compress: each token written least-significant bit first. */
    private static final class Compressor {
        private final StringBuilder out = new StringBuilder();
        private final Map<String, Integer> dictionary = new HashMap<>();
        private final Set<String> dictionaryToCreate = new HashSet<>();
        private int enlargeIn = 2; // compensates for the first entry, which does not count
        private int dictSize = 3;  // 0, 1, 2 are the 8-bit, 16-bit and end-of-stream tokens
        private int numBits = 2;
        private int dataVal;
        private int dataPosition;

        String compress(String input) {
            String w = "";
            for (int i = 0; i < input.length(); i++) {
                String c = String.valueOf(input.charAt(i)); // one UTF-16 code unit, like JS charAt
                if (!dictionary.containsKey(c)) {
                    dictionary.put(c, dictSize++);
                    dictionaryToCreate.add(c);
                }
                String wc = w + c;
                if (dictionary.containsKey(wc)) {
                    w = wc;
                } else {
                    emit(w);
                    if (!JS_UNSTORABLE_KEY.equals(wc)) {
                        dictionary.put(wc, dictSize);
                    }
                    dictSize++;
                    w = c;
                }
            }
            if (!w.isEmpty()) {
                emit(w);
            }
            writeBits(2, numBits); // end of stream
            // Flush: pad the last character with zero bits (a whole 'A' if the last one was just completed).
            out.append(URI_SAFE.charAt(dataVal << (BITS_PER_CHAR - dataPosition)));
            return out.toString();
        }

        /** Writes the code for w, preceded by the literal character the first time that character is seen. */
        private void emit(String w) {
            if (dictionaryToCreate.remove(w)) {
                char ch = w.charAt(0);
                if (ch < 256) {
                    writeBits(0, numBits);
                    writeBits(ch, 8);
                } else {
                    writeBits(1, numBits);
                    writeBits(ch, 16);
                }
                countEntry();
            } else {
                writeBits(dictionary.get(w), numBits);
            }
            countEntry();
        }

        private void countEntry() {
            if (--enlargeIn == 0) {
                enlargeIn = 1 << numBits;
                numBits++;
            }
        }

        private void writeBits(int value, int count) {
            for (int i = 0; i < count; i++) {
                dataVal = (dataVal << 1) | (value & 1);
                value >>= 1;
                if (dataPosition == BITS_PER_CHAR - 1) {
                    dataPosition = 0;
                    out.append(URI_SAFE.charAt(dataVal));
                    dataVal = 0;
                } else {
                    dataPosition++;
                }
            }
        }
    }

    /** lz-string's _decompress over 6-bit values (-1 for a foreign character); null wherever the stream is impossible. */
    private static String decompress(int[] values) {
        BitReader in = new BitReader(values);
        List<String> dictionary = new ArrayList<>();
        dictionary.add(null); // 0, 1, 2 are tokens, never entries
        dictionary.add(null);
        dictionary.add(null);
        int enlargeIn = 4;
        int numBits = 3;

        String w;
        switch (in.read(2)) {
            case 0 -> w = String.valueOf((char) in.read(8));
            case 1 -> w = String.valueOf((char) in.read(16));
            case 2 -> {
                return in.invalid() ? null : "";
            }
            default -> {
                return null; // JS would go on with `undefined`; no encoder produces this
            }
        }
        dictionary.add(w);
        StringBuilder result = new StringBuilder(w);

        while (true) {
            if (in.exhausted() || in.invalid()) {
                return null; // the input ran out without an end marker (JS returns ""), or used a foreign character
            }
            int c = in.read(numBits);
            if (c == 2) {
                // The encoder always pads after the end marker, so a marker that needed bits beyond the input
                // is a cut stream that happened to read as one (JS would return the partial text).
                return in.exhausted() || in.invalid() ? null : result.toString();
            }
            if (c < 2) {
                dictionary.add(String.valueOf((char) in.read(c == 0 ? 8 : 16)));
                c = dictionary.size() - 1;
                if (--enlargeIn == 0) {
                    enlargeIn = 1 << numBits;
                    numBits++;
                }
            }
            String entry;
            if (c < dictionary.size()) {
                entry = dictionary.get(c);
            } else if (c == dictionary.size()) {
                entry = w + w.charAt(0); // the KwKwK case: the entry being defined right now
            } else {
                return null;
            }
            result.append(entry);
            dictionary.add(w + entry.charAt(0));
            w = entry;
            if (--enlargeIn == 0) {
                enlargeIn = 1 << numBits;
                numBits++;
            }
        }
    }

    /**
     * Reads bits most-significant first from each 6-bit value; past the end it reads zeros, as JS does.
     * A foreign character is noted only when one of its bits is read, so trailing junk stays harmless.
     */
    private static final class BitReader {
        private static final int RESET = 1 << (BITS_PER_CHAR - 1);
        private final int[] values;
        private int val;
        private int position = RESET;
        private int index = 1;
        private boolean invalid;

        BitReader(int[] values) {
            this.values = values;
            this.val = values[0];
        }

        int read(int count) {
            int bits = 0;
            for (int p = 0; p < count; p++) {
                if (val < 0) {
                    invalid = true;
                    val = 0;
                }
                int bit = val & position;
                position >>= 1;
                if (position == 0) {
                    position = RESET;
                    val = index < values.length ? values[index] : 0;
                    index++;
                }
                if (bit != 0) {
                    bits |= 1 << p;
                }
            }
            return bits;
        }

        /** True once a character beyond the input has been loaded, i.e. every real bit was consumed. */
        boolean exhausted() {
            return index > values.length;
        }

        /** True once a bit was read from a character outside the alphabet. */
        boolean invalid() {
            return invalid;
        }
    }
}
