package id.antrean.kiosk.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.BitMatrix;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The preprocessing the strategies rely on does what its name says. */
class QrGrayImageTest {

    @Test
    void jpegPixelsConvertToTheSameLumaAsZxingComputes() {
        BufferedImage bgr = new BufferedImage(41, 29, BufferedImage.TYPE_3BYTE_BGR);
        Random random = new Random(9);
        for (int y = 0; y < bgr.getHeight(); y++) {
            for (int x = 0; x < bgr.getWidth(); x++) {
                bgr.setRGB(x, y, random.nextInt(0x1000000));
            }
        }

        GrayImage fast = GrayImage.of(bgr);

        assertThat(fast.pixels()).isEqualTo(new BufferedImageLuminanceSource(bgr).getMatrix());
    }

    @Test
    void medianIsTheMiddleOfEachThreeByThreeWindow() {
        GrayImage image = random(37, 23, 11);

        GrayImage median = image.median3();

        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                int[] window = new int[9];
                int n = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        window[n++] = image.at(Math.clamp(x + dx, 0, image.width() - 1),
                                Math.clamp(y + dy, 0, image.height() - 1));
                    }
                }
                Arrays.sort(window);
                assertThat(median.at(x, y)).as("(%d,%d)", x, y).isEqualTo(window[4]);
            }
        }
    }

    @Test
    void medianRemovesAOnePixelCrackButKeepsAWideBar() {
        GrayImage image = filled(20, 20, 220);
        for (int x = 0; x < 20; x++) {
            image.pixels()[10 * 20 + x] = 10;
        }
        for (int y = 0; y < 20; y++) {
            for (int x = 4; x < 8; x++) {
                image.pixels()[y * 20 + x] = 10;
            }
        }

        GrayImage median = image.median3();

        assertThat(median.at(15, 10)).isEqualTo(220);
        assertThat(median.at(5, 3)).isEqualTo(10);
    }

    @Test
    void upsideDownTwiceIsTheSameImage() {
        GrayImage image = random(31, 17, 5);

        assertThat(image.rotated180().at(0, 0)).isEqualTo(image.at(30, 16));
        assertThat(image.rotated180().rotated180().pixels()).isEqualTo(image.pixels());
    }

    @Test
    void halvingAveragesTwoByTwoBlocks() {
        GrayImage image = new GrayImage(new byte[] {0, 100, (byte) 200, (byte) 255, 20, 40, 60, 80}, 4, 2);

        GrayImage half = image.halved();

        assertThat(half.width()).isEqualTo(2);
        assertThat(half.at(0, 0)).isEqualTo(40);
        assertThat(half.at(1, 0)).isEqualTo(149);
    }

    @Test
    void sharpeningSteepensASoftEdge() {
        GrayImage ramp = new GrayImage(new byte[64 * 8], 64, 8);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 64; x++) {
                ramp.pixels()[y * 64 + x] = (byte) Math.clamp(128 + (x - 32) * 8, 60, 196);
            }
        }

        GrayImage sharp = ramp.sharpened(3, 2.5);

        // Just outside the soft edge, the dark side gets darker and the light side lighter; far away, no change.
        assertThat(sharp.at(23, 4)).isLessThan(ramp.at(23, 4));
        assertThat(sharp.at(42, 4)).isGreaterThan(ramp.at(42, 4));
        assertThat(sharp.at(5, 4)).isEqualTo(60);
        assertThat(sharp.at(60, 4)).isEqualTo(196);
    }

    @Test
    void localMeanThresholdSeparatesGreyOnGreyThatHybridFlattens() {
        // A 60-pixel dark square (a finder-pattern centre seen close up), only 30 grey levels darker.
        GrayImage image = filled(240, 240, 150);
        for (int y = 90; y < 150; y++) {
            for (int x = 90; x < 150; x++) {
                image.pixels()[y * 240 + x] = (byte) 120;
            }
        }

        BitMatrix black = new LocalMeanBinarizer(image.luminanceSource()).getBlackMatrix();

        assertThat(black.get(100, 100)).isTrue();
        assertThat(black.get(95, 145)).isTrue();
        assertThat(black.get(30, 30)).isFalse();
        assertThat(black.get(200, 120)).isFalse();
    }

    private static GrayImage random(int width, int height, long seed) {
        byte[] pixels = new byte[width * height];
        new Random(seed).nextBytes(pixels);
        return new GrayImage(pixels, width, height);
    }

    private static GrayImage filled(int width, int height, int value) {
        byte[] pixels = new byte[width * height];
        Arrays.fill(pixels, (byte) value);
        return new GrayImage(pixels, width, height);
    }
}
