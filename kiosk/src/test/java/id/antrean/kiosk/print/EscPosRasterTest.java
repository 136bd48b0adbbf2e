package id.antrean.kiosk.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EscPosRasterTest {

    @Test
    void an80mmTicketFills576DotsAndItsQrCodeScansBack() throws IOException {
        MonoRaster raster = EscPosRaster.rasterize(TicketPdfs.ticket80mm(), PaperWidth.MM_80.printableDots());

        assertThat(raster.width()).isEqualTo(576);
        assertThat(QrCodes.decode(raster)).isEqualTo(TicketPdfs.QR_PAYLOAD);
    }

    @Test
    void a58mmTicketFills384DotsAndItsQrCodeScansBack() throws IOException {
        MonoRaster raster = EscPosRaster.rasterize(TicketPdfs.ticket58mm(), PaperWidth.MM_58.printableDots());

        assertThat(raster.width()).isEqualTo(384);
        assertThat(QrCodes.decode(raster)).isEqualTo(TicketPdfs.QR_PAYLOAD);
    }

    @Test
    void theQueueNumberIsPrintedInBlackAboveTheQrCode() throws IOException {
        MonoRaster raster = EscPosRaster.rasterize(TicketPdfs.ticket80mm(), 576);
        double dotsPerPoint = 576 / TicketPdfs.WIDTH_80_MM;
        // The 44 pt label sits with its baseline 76 pt below the top edge: its glyphs span roughly 44..76 pt.
        int top = (int) (44 * dotsPerPoint);
        int bottom = (int) (76 * dotsPerPoint);

        assertThat(blackDotsIn(raster, top, bottom)).isGreaterThan(2_000);
    }

    @Test
    void whiteSpaceBelowTheLastPrintedLineIsTrimmedAndNothingPrintedIsLost() throws IOException {
        MonoRaster raster = EscPosRaster.rasterize(TicketPdfs.ticket80mm(), 576);
        int fullPageRows = (int) Math.ceil(TicketPdfs.HEIGHT_80_MM * 576 / TicketPdfs.WIDTH_80_MM);
        // The footer is the last line: its baseline is 76 + 14 + QR size + 16 pt below the top edge.
        double footerBaselinePt = 76 + 14 + TicketPdfs.WIDTH_80_MM * 0.55 + 16;
        int footerBaselineRow = (int) (footerBaselinePt * 576 / TicketPdfs.WIDTH_80_MM);

        assertThat(raster.height()).isLessThan(fullPageRows - 200);
        assertThat(raster.isRowWhite(raster.height() - 1)).isFalse();
        assertThat(raster.height()).isBetween(footerBaselineRow - 5, footerBaselineRow + 10);
    }

    @Test
    void theJobInitialisesThenSendsTheRasterThenFeedsAndCuts() throws IOException {
        byte[] pdf = TicketPdfs.ticket80mm();

        List<EscPosStream.Command> commands = EscPosStream.parse(EscPosRaster.fromPdf(pdf, 576));

        assertThat(commands.getFirst()).isEqualTo(new EscPosStream.Initialize());
        assertThat(commands.get(commands.size() - 2)).isEqualTo(new EscPosStream.FeedLines(4));
        assertThat(commands.getLast()).isEqualTo(new EscPosStream.Cut(66, 0));
        assertThat(commands.subList(1, commands.size() - 2)).allSatisfy(command ->
                assertThat(command).isInstanceOfSatisfying(EscPosStream.RasterBand.class,
                        band -> assertThat(band.mode()).isZero()));
        MonoRaster printed = EscPosStream.printedImage(commands);
        MonoRaster expected = EscPosRaster.rasterize(pdf, 576);
        assertThat(printed.packedRows()).isEqualTo(expected.packedRows());
        assertThat(printed.height()).isEqualTo(expected.height());
    }

    @Test
    void aLongTicketIsSentInBandsOfAtMost256Rows() throws IOException {
        byte[] pdf = TicketPdfs.stripedPage(164, 1000);

        List<EscPosStream.Command> commands = EscPosStream.parse(EscPosRaster.fromPdf(pdf, 384));

        List<Integer> bandHeights = commands.stream()
                .filter(EscPosStream.RasterBand.class::isInstance)
                .map(command -> ((EscPosStream.RasterBand) command).raster().height())
                .toList();
        int rows = EscPosRaster.rasterize(pdf, 384).height();
        assertThat(rows).isGreaterThan(2000);
        assertThat(bandHeights).hasSize((rows + 255) / 256);
        assertThat(bandHeights.subList(0, bandHeights.size() - 1)).containsOnly(256);
        assertThat(bandHeights.stream().mapToInt(Integer::intValue).sum()).isEqualTo(rows);
    }

    @Test
    void renderingTheSameTicketTwiceGivesTheSameBytes() throws IOException {
        byte[] pdf = TicketPdfs.ticket58mm();

        assertThat(EscPosRaster.fromPdf(pdf, 384)).isEqualTo(EscPosRaster.fromPdf(pdf, 384));
    }

    @Test
    void aBlankTicketIsRefusedRatherThanPrintedAsEmptyPaper() {
        assertThatThrownBy(() -> EscPosRaster.fromPdf(TicketPdfs.blankPage(226, 360), 576))
                .isInstanceOf(UnprintableTicketException.class)
                .hasMessageContaining("blank");
    }

    @Test
    void bytesThatAreNotAPdfAreRefused() {
        assertThatThrownBy(() -> EscPosRaster.fromPdf("<html>502 Bad Gateway</html>".getBytes(StandardCharsets.UTF_8), 576))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aDotWidthThatIsNotWholeBytesIsRejected() {
        assertThatThrownBy(() -> EscPosRaster.fromPdf(TicketPdfs.ticket80mm(), 500))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("multiple of 8");
    }

    @Test
    void aPageTallerThanAnyRollIsRefused() {
        assertThatThrownBy(() -> EscPosRaster.fromPdf(TicketPdfs.stripedPage(164, 14_000), 384))
                .isInstanceOf(UnprintableTicketException.class)
                .hasMessageContaining("too long");
    }

    @Test
    void thresholdingTurnsDarkPixelsIntoBlackDotsPackedMostSignificantBitFirst() {
        BufferedImage image = new BufferedImage(10, 1, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 10; x++) {
            image.setRGB(x, 0, 0xFFFFFF);
        }
        image.setRGB(0, 0, 0x000000);
        image.setRGB(2, 0, 0x7F7F7F);
        image.setRGB(3, 0, 0x808080);
        image.setRGB(9, 0, 0x101010);

        MonoRaster raster = MonoRaster.threshold(image, 128);

        assertThat(raster.bytesPerRow()).isEqualTo(2);
        assertThat(raster.packedRows()).containsExactly(0b1010_0000, 0b0100_0000);
    }

    @Test
    void encodingARasterWritesItsSizeLittleEndian() {
        MonoRaster raster = MonoRaster.ofPackedRows(576, 300, new byte[72 * 300]);

        byte[] job = EscPosRaster.encode(raster);

        assertThat(java.util.Arrays.copyOfRange(job, 2, 10))
                .containsExactly(0x1D, 0x76, 0x30, 0x00, 72, 0, 0, 1);
    }

    private static int blackDotsIn(MonoRaster raster, int fromRow, int toRow) {
        int count = 0;
        for (int y = fromRow; y < toRow; y++) {
            for (int x = 0; x < raster.width(); x++) {
                if (raster.isBlack(x, y)) {
                    count++;
                }
            }
        }
        return count;
    }
}
