package id.antrean.print;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class QrCodesTest {

    @Test
    void theCodeIsAbout300PixelsWithWholePixelsPerModuleAndReadsBack() throws Exception {
        String payload = "ANTREAN:pkm-demo:2026-11-27:UMUM-012:0123456789abcdef";
        BufferedImage image = QrCodes.image(payload);

        assertThat(image.getWidth()).isEqualTo(image.getHeight()).isBetween(250, 300);
        // The top-left finder pattern starts after the 2-module quiet zone: its first dark run is 7 modules.
        int y = firstDarkRow(image);
        int run = 0;
        for (int x = y; x < image.getWidth() && (image.getRGB(x, y) & 0xFFFFFF) == 0; x++) {
            run++;
        }
        assertThat(run % 7).as("finder pattern of 7 whole-pixel modules, %d px", run).isZero();
        assertThat(y).as("quiet zone of 2 modules").isEqualTo(2 * run / 7);

        String read = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(image)))).getText();
        assertThat(read).isEqualTo(payload);
    }

    private static int firstDarkRow(BufferedImage image) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == 0) {
                    return y;
                }
            }
        }
        throw new AssertionError("no dark pixel");
    }
}
