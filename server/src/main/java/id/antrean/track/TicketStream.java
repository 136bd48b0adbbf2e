package id.antrean.track;

import id.antrean.events.EventBridge;
import id.antrean.events.PublishedEvent;
import id.antrean.queue.Ticket;
import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * One phone's stream of one ticket ({@code GET /api/v1/track/{code}/events}): the ticket's state first, then its
 * state again whenever it or its place in line changed. It rides on the facility's events as this node hears them
 * ({@link EventBridge}) and reads the ticket anew after each that may touch it, one read at a time: a burst of events
 * costs one or two reads, and a state sent is never older than the last event heard. Every (re)connection starts
 * with the whole state, so a phone that slept or lost its network needs no replay: it reconnects and is current.
 * When the ticket's day is over the stream says {@code gone} and ends.
 */
final class TicketStream {
    /** How soon a phone retries after a dropped connection: soon, as its patient is waiting for the call. */
    static final long RETRY_MS = 500;
    /** Events that never move a ticket in line. */
    private static final Set<String> UNRELATED = Set.of("DEVICE_ALERT", "BACKUP_FAILED");

    private final RoutingContext rc;
    private final HttpServerResponse response;
    private final TrackedTickets tickets;
    private final String code;
    private final long keepaliveMillis;
    private MessageConsumer<PublishedEvent> consumer;
    private Ticket current;
    private String sent;
    private boolean reading;
    private boolean stale;
    private boolean closed;
    private long keepalive = -1;

    TicketStream(RoutingContext rc, TrackedTickets tickets, String code, long keepaliveMillis) {
        this.rc = rc;
        this.response = rc.response();
        this.tickets = tickets;
        this.code = code;
        this.keepaliveMillis = keepaliveMillis;
    }

    /** Answers 404 (problem+json) for an unknown or expired code, else opens the stream. */
    void open() {
        tickets.find(code).onFailure(rc::fail).onSuccess(first -> {
            if (response.closed()) {
                return;
            }
            response.closeHandler(v -> close());
            response.setChunked(true)
                    .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                    .putHeader("Cache-Control", "no-store")
                    .putHeader("X-Accel-Buffering", "no");
            write("retry: " + RETRY_MS + "\n\n");
            consumer = rc.vertx().eventBus().localConsumer(EventBridge.address(first.facility().id()),
                    msg -> onEvent(msg.body()));
            consumer.completion().onComplete(v -> {
                if (current == null) {
                    send(first);
                }
                // A change made between the first read and the listening is read once more now.
                stale = true;
                refresh();
            });
            keepalive = rc.vertx().setPeriodic(keepaliveMillis, id -> {
                if (current != null && tickets.expired(current)) {
                    gone();
                } else {
                    // A named event, not a comment: the page sees it and knows its connection is alive.
                    write("event: ping\ndata: {}\n\n");
                }
            });
        });
    }

    private void onEvent(PublishedEvent event) {
        if (closed || !concerns(new JsonObject(event.json()))) {
            return;
        }
        stale = true;
        refresh();
    }

    /** Its own changes, and those of its poli's line (a transfer may come from any poli). */
    private boolean concerns(JsonObject event) {
        if (UNRELATED.contains(event.getString("type"))) {
            return false;
        }
        JsonObject ticket = event.getValue("ticket") instanceof JsonObject t ? t : null;
        if (current == null || ticket == null || "TICKET_TRANSFERRED".equals(event.getString("type"))) {
            return true;
        }
        Object id = ticket.getValue("id");
        return (id instanceof Number n && n.longValue() == current.id())
                || current.service().equals(ticket.getValue("service"));
    }

    private void refresh() {
        if (reading || !stale || closed) {
            return;
        }
        reading = true;
        stale = false;
        tickets.find(code).onComplete(ar -> {
            reading = false;
            if (ar.succeeded()) {
                send(ar.result());
                refresh();
            } else if (ar.cause() instanceof Problem p && p.code() == ErrorCode.TRACKING_NOT_FOUND) {
                gone();
            } else {
                // The database is away for a moment: the phone reconnects and reads the state then.
                end();
            }
        });
    }

    private void send(TrackedTicket tracked) {
        current = tracked.ticket();
        String json = tracked.toJson().encode();
        if (!json.equals(sent)) {
            sent = json;
            write("data: " + json + "\n\n");
        }
    }

    private void gone() {
        write("event: gone\ndata: {\"gone\":true}\n\n");
        end();
    }

    private void end() {
        close();
        if (!response.ended() && !response.closed()) {
            response.end();
        }
    }

    private void write(String text) {
        if (closed || response.closed() || response.ended()) {
            return;
        }
        response.write(text);
        if (response.writeQueueFull()) {
            // A phone that does not read: it reconnects and gets the state afresh.
            end();
        }
    }

    private void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (consumer != null) {
            consumer.unregister();
        }
        if (keepalive >= 0) {
            rc.vertx().cancelTimer(keepalive);
        }
    }
}
