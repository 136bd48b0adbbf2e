package id.antrean.events;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;

/**
 * Hands each event of a facility to this node's screens of it: one event-bus consumer per facility, then one
 * task per event loop that has screens of it, which writes the event's frame (encoded once, {@link
 * PublishedEvent#frame()}) to each of them in turn. So the cost per screen is one socket write, not a bus
 * delivery, a task and an encoding of its own.
 *
 * <p>It also keeps each facility's last few events, so that a screen resuming with {@code Last-Event-ID} a
 * little behind (the usual case: its node died and it came over here) is answered from memory, not with two
 * queries of its own — a node's worth of screens resumes at once.
 */
final class ScreenFanOut {
    /** Events kept per facility for resumes: small, as there can be a thousand facilities on a node. */
    static final int RECENT = 32;
    private final Vertx vertx;
    private final ConcurrentMap<Long, FacilityScreens> facilities = new ConcurrentHashMap<>();

    ScreenFanOut(Vertx vertx) {
        this.vertx = vertx;
    }

    /** A screen's place in the fan-out; {@link #leave()} on the context that joined. */
    interface Membership {
        void leave();
    }

    /**
     * Adds a screen, on the calling context (its connection's event loop), which is where it will receive every
     * event of the facility from now on, in order. Completes once the facility's consumer is registered, so an
     * event committed after that cannot pass the screen by.
     */
    Future<Membership> join(long facilityId, Consumer<PublishedEvent> screen) {
        Context context = vertx.getOrCreateContext();
        FacilityScreens mine = facilities.computeIfAbsent(facilityId, FacilityScreens::new);
        // By thread, not by context: each request runs on a context of its own (a duplicate of its event
        // loop's), and all of one event loop's screens are to share one task per event.
        LoopScreens loop;
        synchronized (mine) {
            loop = mine.loops.computeIfAbsent(Thread.currentThread(), t -> new LoopScreens(context));
        }
        loop.screens.add(screen);
        Membership membership = () -> loop.screens.remove(screen);
        return mine.consumer.completion().map(membership);
    }

    /**
     * The facility's events after {@code afterId} up to the newest this node has heard, when it still holds
     * all of them; null otherwise (the caller reads them from the database).
     */
    List<PublishedEvent> since(long facilityId, long afterId) {
        FacilityScreens mine = facilities.get(facilityId);
        if (mine == null) {
            return null;
        }
        synchronized (mine) {
            if (mine.recent.isEmpty() || afterId + 1 < mine.recent.peekFirst().id()
                    || afterId > mine.recent.peekLast().id()
                    || mine.recent.peekLast().id() - mine.recent.peekFirst().id() != mine.recent.size() - 1) {
                return null;
            }
            return mine.recent.stream().filter(e -> e.id() > afterId).toList();
        }
    }

    /** One facility's screens on this node, per event loop. */
    private final class FacilityScreens {
        /** Changed under this object's lock, with {@link #recent}, so a screen joining sees an event in one or the other. */
        final ConcurrentMap<Thread, LoopScreens> loops = new ConcurrentHashMap<>();
        final ArrayDeque<PublishedEvent> recent = new ArrayDeque<>();
        final MessageConsumer<PublishedEvent> consumer;

        FacilityScreens(long facilityId) {
            // Kept for the node's life: one per facility that ever had a screen here.
            consumer = vertx.eventBus().localConsumer(EventBridge.address(facilityId), message -> {
                PublishedEvent event = message.body();
                List<LoopScreens> targets;
                synchronized (this) {
                    if (recent.size() == RECENT) {
                        recent.removeFirst();
                    }
                    recent.addLast(event);
                    targets = List.copyOf(loops.values());
                }
                for (LoopScreens loop : targets) {
                    loop.context.runOnContext(v -> loop.deliver(event));
                }
            });
        }
    }

    /** The screens of one facility on one event loop; touched only on that event loop. */
    private static final class LoopScreens {
        final Context context;
        final Set<Consumer<PublishedEvent>> screens = new LinkedHashSet<>();

        LoopScreens(Context context) {
            this.context = context;
        }

        void deliver(PublishedEvent event) {
            // A copy: a screen that falls behind leaves the list while it is being walked.
            for (Consumer<PublishedEvent> screen : screens.toArray(Consumer[]::new)) {
                screen.accept(event);
            }
        }
    }
}
