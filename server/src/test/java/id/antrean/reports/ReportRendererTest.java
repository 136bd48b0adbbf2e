package id.antrean.reports;

import id.antrean.profile.Letterhead;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.YearMonth;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;

/** The report's parts that need no database: the monthly chart's days and the signature block's defaults. */
class ReportRendererTest {

    private static JsonObject stats(JsonArray perDay) {
        JsonArray hours = new JsonArray();
        for (int h = 0; h < 24; h++) {
            hours.add(new JsonObject().put("hour", h).put("tickets", 0L));
        }
        return new JsonObject().put("totals", new JsonObject()).put("perService", new JsonArray())
                .put("perHour", hours).put("perDay", perDay).put("stages", new JsonArray());
    }

    private static JsonObject day(String date, long walkIn, long online) {
        return new JsonObject().put("date", date).put("tickets", walkIn + online).put("walkIn", walkIn).put("online", online);
    }

    @Test
    void theMonthlyChartHasOneBarPerDayOfTheMonthDaysWithoutTicketsIncluded() {
        CategoryDataset november = ReportRenderer.perDay(stats(new JsonArray().add(day("2026-11-25", 4, 1))),
                YearMonth.of(2026, 11));
        assertThat(november.getColumnCount()).isEqualTo(30);
        assertThat(november.getColumnKey(0)).isEqualTo("01");
        assertThat(november.getColumnKey(29)).isEqualTo("30");
        assertThat(november.getValue(0, 0).intValue()).isZero();
        assertThat(november.getValue(0, 24).intValue()).isEqualTo(4);
        assertThat(november.getValue(1, 24).intValue()).isEqualTo(1);
        assertThat(ReportRenderer.perDay(stats(new JsonArray()), YearMonth.of(2027, 2)).getColumnCount()).isEqualTo(28);
        assertThat(ReportRenderer.perDay(stats(new JsonArray()), YearMonth.of(2026, 12)).getColumnCount()).isEqualTo(31);
    }

    @Test
    void withoutASignatorySetTheBlockSaysKepalaPuskesmasAndLeavesADottedLineForTheName() throws Exception {
        Letterhead bare = new Letterhead("Klinik Pratama Sehat", null, null, null, null, null, null);
        byte[] pdf = new ReportRenderer().daily(bare, LocalDate.of(2026, 11, 25), LocalDate.of(2026, 12, 1),
                stats(new JsonArray()));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).startsWith("Klinik Pratama Sehat Laporan harian")
                    .contains("1 Desember 2026 Kepala Puskesmas (......")
                    .doesNotContain("NIP.", "null");
        }
    }
}
