package id.antrean.print;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.print.TicketRenderer.Width;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The templates are read when a ticket is first rendered (on a worker), not when the server is wired: reading them
 * took half a second of a loaded machine's start before {@code /health} (issue #18).
 */
class TicketTemplatesTest {
    private static TicketDocument ticket() {
        return new TicketDocument(null, "Puskesmas Uji", "Nomor antrean", "A-001", "", "Poli Umum", "JKN", "",
                "Senin, 7 Desember 2026", "0 di depan Anda", "", "ABCDEFGH", "Pindai untuk melacak", "", "");
    }

    @Test
    void aNewRendererHasReadNoTemplateYet() {
        TicketRenderer renderer = new TicketRenderer();

        assertThat(renderer.loaded()).isEmpty();
    }

    @Test
    void theFirstRenderReadsItsWidthsTemplateAndMakesAPdf() {
        TicketRenderer renderer = new TicketRenderer();

        byte[] pdf = renderer.pdf(ticket(), Width.MM58);

        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(renderer.loaded()).containsExactly(Width.MM58);
    }

    @Test
    void preparingReadsEveryTemplateSoTheFirstTicketDoesNotWait() {
        TicketRenderer renderer = new TicketRenderer();

        renderer.prepare();

        assertThat(renderer.loaded()).containsExactlyInAnyOrder(Width.MM58, Width.MM80);
        assertThat(renderer.image(ticket(), Width.MM80, 1f).getWidth()).isPositive();
    }
}
