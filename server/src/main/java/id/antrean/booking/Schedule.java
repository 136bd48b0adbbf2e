package id.antrean.booking;

import java.time.LocalTime;

/** The service's hours on a weekday, and its doctor as BPJS knows them. */
public record Schedule(LocalTime opens, LocalTime closes, Integer doctorCode, String doctorName) {
    public String hours() {
        return opens + "-" + closes;
    }
}
