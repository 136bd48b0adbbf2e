package id.antrean.web;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.jackson.JacksonCodec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON encoded as UTF-8 into pieces of at most {@link #PIECE_BYTES}, the same text {@code encode()} gives, never
 * held whole. A whole board of 1,000 waiting is some 560 KB: as one string and one buffer it was a humongous
 * object to G1 (over half a 1 MB region), and each one started a young collection of its own, a pause of 3–11 ms
 * for every request in flight at every board read (issue #18, {@code bench/run full line} with a GC log).
 */
public final class JsonPieces {
    static final int PIECE_BYTES = 16 * 1024;
    private static final JsonFactory JSON = new JsonFactory();

    private final List<Buffer> pieces;

    private JsonPieces(List<Buffer> pieces) {
        this.pieces = pieces;
    }

    /** {@code json}: a JsonObject, JsonArray or anything Vert.x's JSON encodes. */
    public static JsonPieces of(Object json) {
        Pieces out = new Pieces();
        try (JsonGenerator generator = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            JacksonCodec.encodeJson(json, generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new JsonPieces(out.pieces);
    }

    public List<Buffer> pieces() {
        return pieces;
    }

    public long length() {
        return pieces.stream().mapToLong(Buffer::length).sum();
    }

    /** Collects what the generator flushes (8 KB at a time) into pieces of at most {@link #PIECE_BYTES}. */
    private static final class Pieces extends OutputStream {
        private final List<Buffer> pieces = new ArrayList<>();
        private Buffer current;

        @Override
        public void write(int b) {
            room(1).appendByte((byte) b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            while (length > 0) {
                Buffer piece = room(length);
                int taken = Math.min(length, PIECE_BYTES - piece.length());
                piece.appendBytes(bytes, offset, taken);
                offset += taken;
                length -= taken;
            }
        }

        /** A new piece is sized for what comes, not a full piece: most answers are a few hundred bytes. */
        private Buffer room(int coming) {
            if (current == null || current.length() == PIECE_BYTES) {
                current = Buffer.buffer(Math.min(PIECE_BYTES, coming));
                pieces.add(current);
            }
            return current;
        }
    }
}
