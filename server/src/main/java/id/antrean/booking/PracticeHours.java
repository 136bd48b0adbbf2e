package id.antrean.booking;

import java.time.LocalTime;

/** A practice's hours as Mobile JKN names them ({@code "08:00-12:00"}), to the minute. */
public record PracticeHours(LocalTime opens, LocalTime closes) {
    /** Whether these are the schedule's hours that day (to the minute: a caller's seconds are no difference). */
    boolean sameAs(Schedule schedule) {
        return opens.withSecond(0).withNano(0).equals(schedule.opens().withSecond(0).withNano(0))
                && closes.withSecond(0).withNano(0).equals(schedule.closes().withSecond(0).withNano(0));
    }
}
