package id.antrean.events;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

/**
 * An event as it travels on this node's event bus to the SSE streams: its id and its JSON, encoded
 * once. Immutable, so every local consumer shares the same instance.
 *
 * @param facility     the facility's code, when metrics are kept (null otherwise)
 * @param call         a {@code TICKET_CALLED}: its delay to each screen is measured
 * @param heardAtNanos {@link System#nanoTime()} when its notification reached this node; 0 when read back
 */
public record PublishedEvent(long id, String json, String facility, boolean call, long heardAtNanos) {

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
