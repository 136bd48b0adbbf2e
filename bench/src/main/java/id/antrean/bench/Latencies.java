package id.antrean.bench;

import java.util.Arrays;

/** Recorded durations (nanoseconds) and their percentiles. Not thread-safe: record from one thread. */
public final class Latencies {
    private long[] values = new long[1024];
    private int size;

    public void record(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
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
