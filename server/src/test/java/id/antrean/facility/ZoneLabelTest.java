package id.antrean.facility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ZoneLabelTest {

    @ParameterizedTest
    @CsvSource({
            "Asia/Jakarta, WIB", "Asia/Pontianak, WIB",
            "Asia/Makassar, WITA", "Asia/Ujung_Pandang, WITA",
            "Asia/Jayapura, WIT"})
    void indonesiasZonesHaveTheirNames(String zone, String label) {
        assertThat(ZoneLabel.of(ZoneId.of(zone))).contains(label);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Asia/Bangkok", "Asia/Singapore", "UTC", "+08:00"})
    void otherZonesHaveNone(String zone) {
        assertThat(ZoneLabel.of(ZoneId.of(zone))).isEmpty();
    }
}
