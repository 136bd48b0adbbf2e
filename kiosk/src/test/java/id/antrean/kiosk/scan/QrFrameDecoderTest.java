package id.antrean.kiosk.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Binarizer;
import com.google.zxing.EncodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeWriter;
import id.antrean.kiosk.scan.ScanPayload.Kind;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QrFrameDecoderTest {
    private final FrameDecoder decoder = new FrameDecoder();

    @Test
    void plainCodeIsReadByTheFirstStrategy() throws Exception {
        DecodeResult result = decoder.decode(png(qr("ANTREAN:pkm-demo:124:A-012", false)));

        assertThat(result.found()).isTrue();
        assertThat(result.text()).isEqualTo("ANTREAN:pkm-demo:124:A-012");
        assertThat(result.strategy()).isEqualTo("hybrid");
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.payload()).contains(new ScanPayload(Kind.BOOKING, "ANTREAN:pkm-demo:124:A-012"));
    }

    @Test
    void codeWithAFinderLikePatternInItsDataIsReadUpsideDown() throws Exception {
        // zxing alone cannot read this perfect code: a 1:1:3:1:1 run in its data ends the finder search early.
        DecodeResult result = decoder.decode(png(qr("ANTREAN:pkm-demo:123:A-012", false)));

        assertThat(result.text()).isEqualTo("ANTREAN:pkm-demo:123:A-012");
        assertThat(result.strategy()).isEqualTo("upside-down");
    }

    @Test
    void darkModeCodeIsReadOnceInverted() throws Exception {
        DecodeResult result = decoder.decode(png(qr("0001234567890", true)));

        assertThat(result.text()).isEqualTo("0001234567890");
        assertThat(result.strategy()).isEqualTo("hybrid-inverted");
    }

    @Test
    void jpegAndPngAreBothAccepted() throws Exception {
        BufferedImage code = qr("7371011205580001", false);

        assertThat(decoder.decode(png(code)).text()).isEqualTo("7371011205580001");
        assertThat(decoder.decode(jpeg(code)).text()).isEqualTo("7371011205580001");
    }

    @Test
    void frameWithoutAnyCodeIsNotFoundRatherThanAnError() throws Exception {
        DecodeResult result = decoder.decode(emptyRoom());

        assertThat(result.found()).isFalse();
        assertThat(result.text()).isNull();
        assertThat(result.strategy()).isNull();
        assertThat(result.payload()).isEmpty();
    }

    @Test
    void imagesTooSmallToHoldACodeAreNotFound() throws Exception {
        for (int side : new int[] {1, 2, 20, 21, 40}) {
            DecodeResult result = decoder.decode(png(new BufferedImage(side, side, BufferedImage.TYPE_INT_ARGB)));

            assertThat(result.found()).as(side + " px").isFalse();
        }
    }

    @Test
    void nonImageBodiesAreRefused() throws Exception {
        byte[] jpeg = jpeg(qr("0001234567890", false));
        BufferedImage small = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        byte[][] refused = {
            null,
            new byte[0],
            "{\"card\":\"0001234567890\"}".getBytes(StandardCharsets.UTF_8),
            "<html><body>not a picture</body></html>".getBytes(StandardCharsets.UTF_8),
            encode(small, "gif"),
            encode(small, "bmp"),
            Arrays.copyOf(jpeg, 200),
            withMagic(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 500),
            withMagic(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, 500),
        };
        for (byte[] body : refused) {
            assertThatThrownBy(() -> decoder.decode(body))
                    .as(body == null ? "null" : body.length + " bytes")
                    .isInstanceOf(NotAnImageException.class);
        }
    }

    @Test
    void hugeDimensionsAreRefusedBeforeAnyPixelIsDecoded() {
        // Headers alone: a few dozen bytes claiming billions of pixels, the shape of a decompression bomb.
        for (int[] size : new int[][] {{100_000, 100_000}, {4097, 4096}, {8193, 16}, {16, 65_535}}) {
            assertThatThrownBy(() -> decoder.decode(pngHeaderOnly(size[0], size[1])))
                    .as(size[0] + "x" + size[1])
                    .isInstanceOf(ImageTooLargeException.class);
        }
        // Within the limits, the same truncated file is refused as what it is: no image data.
        assertThatThrownBy(() -> decoder.decode(pngHeaderOnly(4096, 4096)))
                .isInstanceOf(NotAnImageException.class)
                .isNotInstanceOf(ImageTooLargeException.class);
    }

    @Test
    void pixelBudgetAppliesToRealFramesToo() throws Exception {
        FrameDecoder vga = new FrameDecoder(FrameDecoder.DEFAULT_BUDGET, 640 * 480, 640,
                DefaultStrategies.inOrder(), System::nanoTime);

        assertThatThrownBy(() -> vga.decode(emptyRoom())).isInstanceOf(ImageTooLargeException.class);
        assertThat(vga.decode(png(qr("0001234567890", false))).found()).isTrue();
    }

    @Test
    void stopsTryingOnceTheBudgetIsSpent() throws Exception {
        // Ten strategies that each cost 100 ms on a fake clock: deterministic, whatever the machine's speed.
        AtomicLong clock = new AtomicLong();
        List<String> tried = new ArrayList<>();
        List<DecodeStrategy> slow = IntStream.rangeClosed(1, 10)
                .mapToObj(n -> (DecodeStrategy) new SlowStrategy("slow-" + n, Duration.ofMillis(100), clock, tried))
                .toList();
        FrameDecoder decoder = new FrameDecoder(Duration.ofMillis(300), FrameDecoder.DEFAULT_MAX_PIXELS,
                FrameDecoder.DEFAULT_MAX_SIDE, slow, clock::get);

        DecodeResult result = decoder.decode(emptyRoom());

        assertThat(tried).containsExactly("slow-1", "slow-2", "slow-3");
        assertThat(result.found()).isFalse();
        assertThat(result.budgetExhausted()).isTrue();
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(result.elapsed()).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void triesEveryStrategyWhenTimeAllows() throws Exception {
        AtomicLong clock = new AtomicLong();
        List<String> tried = new ArrayList<>();
        List<DecodeStrategy> quick = IntStream.rangeClosed(1, 4)
                .mapToObj(n -> (DecodeStrategy) new SlowStrategy("quick-" + n, Duration.ofMillis(1), clock, tried))
                .toList();
        FrameDecoder decoder = new FrameDecoder(Duration.ofMillis(300), FrameDecoder.DEFAULT_MAX_PIXELS,
                FrameDecoder.DEFAULT_MAX_SIDE, quick, clock::get);

        DecodeResult result = decoder.decode(emptyRoom());

        assertThat(tried).hasSize(4);
        assertThat(result.budgetExhausted()).isFalse();
    }

    /** The whole frame with zxing's usual binarizer, advancing a fake clock by {@code cost} per attempt. */
    private record SlowStrategy(String name, Duration cost, AtomicLong clock, List<String> tried)
            implements DecodeStrategy {

        @Override
        public Stream<LuminanceSource> candidates(FrameViews frame) {
            return Stream.of(frame.original().luminanceSource());
        }

        @Override
        public Binarizer binarize(LuminanceSource source) {
            tried.add(name);
            clock.addAndGet(cost.toNanos());
            return new HybridBinarizer(source);
        }
    }

    @Test
    void firstAttemptIsMadeEvenWhenTheBudgetIsGoneBeforeIt() throws Exception {
        FrameDecoder hasty = new FrameDecoder(Duration.ofNanos(1));

        DecodeResult result = hasty.decode(png(qr("0001234567890", false)));

        assertThat(result.text()).isEqualTo("0001234567890");
        assertThat(result.attempts()).isEqualTo(1);
    }

    @Test
    void exhaustedFrameWithoutCodeIsNotFoundWithinThreeBudgets() throws Exception {
        Duration budget = Duration.ofMillis(100);
        FrameDecoder quick = new FrameDecoder(budget);
        byte[] frame = emptyRoom();
        quick.decode(frame);

        long start = System.nanoTime();
        DecodeResult result = quick.decode(frame);
        Duration wallTime = Duration.ofNanos(System.nanoTime() - start);

        assertThat(result.found()).isFalse();
        assertThat(wallTime).isLessThanOrEqualTo(budget.multipliedBy(3));
    }

    @Test
    void resultDescriptionNeverShowsTheDecodedNumber() throws Exception {
        DecodeResult result = decoder.decode(png(qr("0001234567890", false)));

        assertThat(result.toString()).doesNotContain("0001234567890").contains("hybrid");
        assertThat(result.payload().orElseThrow().toString()).doesNotContain("0001234567890");
    }

    private static BufferedImage qr(String text, boolean inverted) throws WriterException {
        BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 400, 400,
                Map.of(EncodeHintType.MARGIN, 4));
        BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                boolean dark = matrix.get(x, y) != inverted;
                image.setRGB(x, y, dark ? 0x202020 : 0xF0F0F0);
            }
        }
        return image;
    }

    private static byte[] emptyRoom() {
        Random random = new Random(7);
        int[] frame = CameraScene.room(random);
        CameraScene.noise(frame, 4, random);
        return CameraScene.jpeg(frame, 0.9f);
    }

    private static byte[] png(BufferedImage image) throws IOException {
        return encode(image, "png");
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        return encode(image, "jpeg");
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).as("writer for " + format).isTrue();
        return out.toByteArray();
    }

    private static byte[] withMagic(byte[] magic, int length) {
        byte[] bytes = new byte[length];
        new Random(3).nextBytes(bytes);
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        return bytes;
    }

    /** A PNG signature and an IHDR chunk announcing the given size, then IEND: no pixel data at all. */
    private static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4 + 12);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        png.putInt(13).put(ihdr.array()).putInt(crc(ihdr.array()));
        byte[] iend = "IEND".getBytes(StandardCharsets.US_ASCII);
        png.putInt(0).put(iend).putInt(crc(iend));
        return png.array();
    }

    private static int crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return (int) crc.getValue();
    }
}
