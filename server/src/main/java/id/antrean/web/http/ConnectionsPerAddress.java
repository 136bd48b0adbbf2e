package id.antrean.web.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Open connections per client address, shared by every HTTP server instance of the node (they share the port,
 * so one client's connections land on several event loops).
 */
public final class ConnectionsPerAddress {
    private final int max;
    private final ConcurrentMap<String, Integer> open = new ConcurrentHashMap<>();

    /** @param max connections allowed per address at once; 0 = no cap (load tests, a trusted proxy in front) */
    public ConnectionsPerAddress(int max) {
        this.max = max;
    }

    /** Counts a new connection from this address; false (and not counted) when the address has its share. */
    public boolean tryOpen(String address) {
        if (max <= 0) {
            return true;
        }
        boolean[] admitted = {false};
        open.compute(address, (a, n) -> {
            int count = n == null ? 0 : n;
            if (count >= max) {
                return n;
            }
            admitted[0] = true;
            return count + 1;
        });
        return admitted[0];
    }

    /** A connection admitted by {@link #tryOpen} closed. */
    public void closed(String address) {
        if (max > 0) {
            open.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
        }
    }

    int open(String address) {
        return open.getOrDefault(address, 0);
    }
}
