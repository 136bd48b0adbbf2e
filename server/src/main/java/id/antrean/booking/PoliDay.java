package id.antrean.booking;

/**
 * A poli's day: how many numbers (and how many of them online), how many still to be served, who is being called now.
 */
public record PoliDay(Poli poli, Schedule schedule, int total, int online, int remaining, String nowCalling) {
    /** Whether the day's quota, or its Mobile JKN part, is taken. */
    public boolean full() {
        return poli.dailyQuota() != null && total >= poli.dailyQuota()
                || poli.jknQuota() != null && online >= poli.jknQuota();
    }
}
