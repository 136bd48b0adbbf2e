package id.antrean.events;

import id.antrean.web.JsonPieces;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * An event as it travels on this node's event bus to the SSE streams: its id and its SSE frame
 * ({@code id: …\ndata: {json}\n\n}), encoded once for every screen. Immutable (a {@link Buffer} written to
 * a response is read through a slice of its own), so every local consumer shares the same instance.
 *
 * @param json         the event as JSON, for the few listeners that look inside (a patient's tracking stream)
 * @param facility     the facility's code, when metrics are kept (null otherwise)
 * @param call         a {@code TICKET_CALLED}: its delay to each screen is measured
 * @param heardAtNanos {@link System#nanoTime()} when its notification reached this node; 0 when read back
 * @param movesPaces   a call or a settings change: the services' paces (the screens' wait estimates) may have moved
 */
public record PublishedEvent(long id, String json, Buffer frame, String facility, boolean call, long heardAtNanos,
                             boolean movesPaces) {
    private static final String FRAME_END = "\n\n";

    static PublishedEvent of(long id, String json, String facility, boolean call, long heardAtNanos,
                             boolean movesPaces) {
        return new PublishedEvent(id, json, frame(id, json), facility, call, heardAtNanos, movesPaces);
    }

    /** One event as Server-Sent Events send it. */
    static Buffer frame(long id, String json) {
        return Buffer.buffer(frameStart(id) + json + FRAME_END);
    }

    /** The same frame for a large message (a snapshot of a long line), in pieces: see {@link JsonPieces}. */
    static List<Buffer> framePieces(long id, JsonObject message) {
        List<Buffer> pieces = new ArrayList<>();
        pieces.add(Buffer.buffer(frameStart(id)));
        pieces.addAll(JsonPieces.of(message).pieces());
        pieces.add(Buffer.buffer(FRAME_END));
        return pieces;
    }

    private static String frameStart(long id) {
        return "id: " + id + "\ndata: ";
    }

    /** Local-only codec: hands the same instance to every consumer. */
    static final class LocalCodec implements MessageCodec<PublishedEvent, PublishedEvent> {
        @Override
        public void encodeToWire(Buffer buffer, PublishedEvent event) {
            throw new UnsupportedOperationException("queue events stay on this node's event bus");
        }

        @Override
        public PublishedEvent decodeFromWire(int pos, Buffer buffer) {
            throw new UnsupportedOperationException("queue events stay on this node's event bus");
        }

        @Override
        public PublishedEvent transform(PublishedEvent event) {
            return event;
        }

        @Override
        public String name() {
            return "antrean-published-event";
        }

        @Override
        public byte systemCodecID() {
            return -1;
        }
    }
}
