package id.antrean.web;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed-window counter per key (e.g. a client address): at most {@code limit} hits a minute. It lives in
 * this node's memory — with several nodes a client gets the limit on each, which is still a limit — and
 * forgets old windows as it goes. A limit of 0 turns it off (load tests).
 */
public final class RateLimiter {
    private static final long WINDOW_SECONDS = 60;
    private final int limit;
    private final Clock clock;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private volatile long currentWindow;

    public RateLimiter(int limitPerMinute, Clock clock) {
        this.limit = limitPerMinute;
        this.clock = clock;
    }

    /** Counts a hit; throws a 429 problem (with Retry-After) when the key is over its limit. */
    public void hit(String key) {
        if (limit <= 0) {
            return;
        }
        long now = clock.instant().getEpochSecond();
        long window = now / WINDOW_SECONDS;
        if (window != currentWindow) {
            currentWindow = window;
            hits.keySet().removeIf(k -> !k.startsWith(window + "|"));
        }
        int count = hits.computeIfAbsent(window + "|" + key, k -> new AtomicInteger()).incrementAndGet();
        if (count > limit) {
            throw Problem.retryAfter(ErrorCode.RATE_LIMITED, (int) ((window + 1) * WINDOW_SECONDS - now));
        }
    }
}
