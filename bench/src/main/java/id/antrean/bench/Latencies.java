package id.antrean.bench;

import java.util.Arrays;

/** Recorded durations (nanoseconds) and their percentiles. Not thread-safe: record from one thread. */
public final class Latencies {
    private long[] values = new long[1024];
    private long[] times;
    private int size;

    public void record(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
            times = times == null ? null : Arrays.copyOf(times, size * 2);
        }
        values[size++] = nanos;
    }

    /** As {@link #record(long)}, with when the request was due ({@link System#nanoTime()}), for {@link #tail}. */
    public void record(long nanos, long dueNanos) {
        if (times == null) {
            times = new long[values.length];
        }
        record(nanos);
        times[size - 1] = dueNanos;
    }

    /**
     * When the requests slower than the {@code p}-th percentile were due, in seconds from {@code origin}, grouped
     * where they follow each other within a second: a tail made of one stall shows as one group.
     */
    public String tail(double p, long origin) {
        if (times == null || size == 0) {
            return "";
        }
        double limit = millis(p) * 1e6;
        long[] due = java.util.stream.IntStream.range(0, size).filter(i -> values[i] >= limit)
                .mapToLong(i -> times[i] - origin).sorted().toArray();
        StringBuilder groups = new StringBuilder();
        int first = 0;
        for (int i = 1; i <= due.length; i++) {
            if (i == due.length || due[i] - due[i - 1] > 1_000_000_000L) {
                groups.append(groups.isEmpty() ? "" : ", ").append("%.1f–%.1f s (%d)".formatted(due[first] / 1e9,
                        due[i - 1] / 1e9, i - first));
                first = i;
            }
        }
        return "slowest " + (100 - p) + " % due at " + groups;
    }

    public int count() {
        return size;
    }

    /** The {@code p}-th percentile (0–100) in milliseconds, nearest-rank; NaN when empty. */
    public double millis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
    }

    public String summary() {
        return "p50 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)".formatted(millis(50), millis(99), millis(100), size);
    }
}
