package id.antrean.events;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

/**
 * Hands each event of a facility to this node's screens of it: one event-bus consumer per facility, then one
 * task per event loop that has screens of it, which writes the event's frame (encoded once, {@link
 * PublishedEvent#frame()}) to each of them in turn. So the cost per screen is one socket write, not a bus
 * delivery, a task and an encoding of its own.
 *
 * <p>It also keeps each facility's last few events, so that a screen resuming with {@code Last-Event-ID} a
 * little behind (the usual case: its node died and it came over here) is answered from memory, not with two
 * queries of its own — a node's worth of screens resumes at once.
 *
 * <p>The services' paces ({@link ScreenPaces}) reach the screens the same way: one frame per facility, written to
 * each; and every call or settings change heard is told to {@code pacesMayHaveMoved}.
 */
final class ScreenFanOut {
    /** Events kept per facility for resumes: small, as there can be a thousand facilities on a node. */
    static final int RECENT = 32;
    private final Vertx vertx;
    private final LongConsumer pacesMayHaveMoved;
    private final ConcurrentMap<Long, FacilityScreens> facilities = new ConcurrentHashMap<>();

    /** @param pacesMayHaveMoved told the facility's id when a call or a settings change of it reaches this node */
    ScreenFanOut(Vertx vertx, LongConsumer pacesMayHaveMoved) {
        this.vertx = vertx;
        this.pacesMayHaveMoved = pacesMayHaveMoved;
    }

    /** A screen as the fan-out sees it: called on the event loop it joined on. */
    interface Screen {
        void event(PublishedEvent event);

        /** A {@code paces} message, encoded once for every screen of the facility. */
        void paces(Buffer frame);
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
    Future<Membership> join(long facilityId, Screen screen) {
        Context context = vertx.getOrCreateContext();
        FacilityScreens mine = facilities.computeIfAbsent(facilityId, FacilityScreens::new);
        // By thread, not by context: each request runs on a context of its own (a duplicate of its event
        // loop's), and all of one event loop's screens are to share one task per event.
        LoopScreens loop;
        synchronized (mine) {
            loop = mine.loops.computeIfAbsent(Thread.currentThread(), t -> new LoopScreens(context));
        }
        loop.screens.add(screen);
        mine.screens.incrementAndGet();
        Membership membership = () -> {
            if (loop.screens.remove(screen)) {
                mine.screens.decrementAndGet();
            }
        };
        return mine.consumer.completion().map(membership);
    }

    /** How many screens of the facility this node holds now. */
    int screens(long facilityId) {
        FacilityScreens mine = facilities.get(facilityId);
        return mine == null ? 0 : mine.screens.get();
    }

    /** Writes a {@code paces} frame to every screen of the facility on this node, each on its own event loop. */
    void paces(long facilityId, Buffer frame) {
        FacilityScreens mine = facilities.get(facilityId);
        if (mine == null) {
            return;
        }
        List<LoopScreens> targets;
        synchronized (mine) {
            targets = List.copyOf(mine.loops.values());
        }
        for (LoopScreens loop : targets) {
            loop.context.runOnContext(v -> loop.paces(frame));
        }
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
        final AtomicInteger screens = new AtomicInteger();
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
                if (event.movesPaces()) {
                    pacesMayHaveMoved.accept(facilityId);
                }
            });
        }
    }

    /** The screens of one facility on one event loop; touched only on that event loop. */
    private static final class LoopScreens {
        final Context context;
        final Set<Screen> screens = new LinkedHashSet<>();

        LoopScreens(Context context) {
            this.context = context;
        }

        void deliver(PublishedEvent event) {
            // A copy: a screen that falls behind leaves the list while it is being walked.
            for (Screen screen : screens.toArray(Screen[]::new)) {
                screen.event(event);
            }
        }

        void paces(Buffer frame) {
            for (Screen screen : screens.toArray(Screen[]::new)) {
                screen.paces(frame);
            }
        }
    }
}
