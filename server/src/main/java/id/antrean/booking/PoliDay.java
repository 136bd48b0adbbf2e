package id.antrean.booking;

/** A poli's day: how many numbers, how many still to be served, who is being called now. */
public record PoliDay(Poli poli, Schedule schedule, int total, int remaining, String nowCalling) {
}
