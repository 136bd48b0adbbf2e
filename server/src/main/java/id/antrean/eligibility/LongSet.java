package id.antrean.eligibility;

/**
 * A set of non-negative longs in one array (open addressing): a roster's card numbers and NIKs, a million of
 * them in at most 32 MB where a {@code HashSet<String>} would take several times that.
 */
final class LongSet {
    private long[] slots = new long[1024];
    private int size;

    /** Adds the value; false when it was already there. */
    boolean add(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative: " + value);
        }
        if ((size + 1) * 2L > slots.length) {
            grow();
        }
        return insert(value + 1); // 0 marks an empty slot
    }

    int size() {
        return size;
    }

    private boolean insert(long stored) {
        int mask = slots.length - 1;
        for (int i = spread(stored) & mask; ; i = (i + 1) & mask) {
            if (slots[i] == 0) {
                slots[i] = stored;
                size++;
                return true;
            }
            if (slots[i] == stored) {
                return false;
            }
        }
    }

    private void grow() {
        long[] old = slots;
        long[] bigger = new long[old.length * 2];
        for (long stored : old) {
            if (stored != 0) {
                int mask = bigger.length - 1;
                int i = spread(stored) & mask;
                while (bigger[i] != 0) {
                    i = (i + 1) & mask;
                }
                bigger[i] = stored;
            }
        }
        slots = bigger;
    }

    private static int spread(long value) {
        long h = value * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
