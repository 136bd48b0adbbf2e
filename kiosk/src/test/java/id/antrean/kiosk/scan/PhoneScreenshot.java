package id.antrean.kiosk.scan;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Map;
import java.util.Random;

/**
 * A phone showing a digital card: a screen with a status bar, an app header, some card text and the QR
 * code, inside a dark rounded body. Screen-level distortions (dark mode, a dimmed grey-on-grey screen,
 * cracked glass) are applied here, before the phone is photographed.
 */
final class PhoneScreenshot {
    static final int SCREEN_WIDTH = 540;
    static final int SCREEN_HEIGHT = 960;
    static final int BEZEL_SIDE = 22;
    static final int BEZEL_END = 56;
    static final int PHONE_WIDTH = SCREEN_WIDTH + 2 * BEZEL_SIDE;
    static final int PHONE_HEIGHT = SCREEN_HEIGHT + 2 * BEZEL_END;
    /** The QR's target width on the screen; the real width is a whole number of pixels per module. */
    private static final int QR_TARGET = 400;
    private static final int QR_TOP = 250;
    /** White border around the modules, in modules (apps draw less than the standard 4). */
    private static final int QUIET_MODULES = 2;

    /** The rendered phone (transparent outside the body) and where the QR sits on it, in phone pixels. */
    record Rendered(BufferedImage phone, double qrCentreX, double qrCentreY, double qrSide) {
    }

    static Rendered render(String qrText, boolean darkMode, boolean lowContrast, boolean cracked, Random random) {
        BitMatrix modules = encode(qrText);
        int moduleCount = modules.getWidth();
        int modulePx = QR_TARGET / (moduleCount + 2 * QUIET_MODULES);
        int qrSide = modulePx * (moduleCount + 2 * QUIET_MODULES);
        int qrLeft = (SCREEN_WIDTH - qrSide) / 2;

        BufferedImage screen = new BufferedImage(SCREEN_WIDTH, SCREEN_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = screen.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        drawAppChrome(g, random);
        g.setColor(Color.WHITE);
        g.fillRect(qrLeft, QR_TOP, qrSide, qrSide);
        g.setColor(Color.BLACK);
        for (int y = 0; y < moduleCount; y++) {
            for (int x = 0; x < moduleCount; x++) {
                if (modules.get(x, y)) {
                    g.fillRect(qrLeft + (x + QUIET_MODULES) * modulePx, QR_TOP + (y + QUIET_MODULES) * modulePx,
                            modulePx, modulePx);
                }
            }
        }
        g.setColor(new Color(70, 70, 80));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 22));
        g.drawString("Tunjukkan kode QR ini di loket", 110, QR_TOP + qrSide + 50);
        g.dispose();

        if (darkMode) {
            invert(screen);
        }
        if (lowContrast) {
            // A dimmed screen photographed by an auto-exposed camera: everything lands in a narrow grey band.
            int low = 80 + random.nextInt(40);
            compress(screen, low, low + 30 + random.nextInt(25));
        }
        if (cracked) {
            drawCracks(screen, qrLeft, QR_TOP, qrSide, random);
        }

        BufferedImage phone = new BufferedImage(PHONE_WIDTH, PHONE_HEIGHT, BufferedImage.TYPE_INT_ARGB);
        Graphics2D p = phone.createGraphics();
        p.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        p.setColor(new Color(24, 24, 28));
        p.fill(new RoundRectangle2D.Double(0, 0, PHONE_WIDTH, PHONE_HEIGHT, 110, 110));
        p.drawImage(screen, BEZEL_SIDE, BEZEL_END, null);
        p.dispose();
        return new Rendered(phone, BEZEL_SIDE + qrLeft + qrSide / 2.0, BEZEL_END + QR_TOP + qrSide / 2.0, qrSide);
    }

    private static BitMatrix encode(String text) {
        try {
            // M: what most apps use; the digital card's actual level is not documented.
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void drawAppChrome(Graphics2D g, Random random) {
        g.setColor(new Color(246, 247, 249));
        g.fillRect(0, 0, SCREEN_WIDTH, SCREEN_HEIGHT);
        g.setColor(new Color(30, 30, 30));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        g.drawString(String.format("%02d:%02d", 7 + random.nextInt(9), random.nextInt(60)), 24, 30);
        g.fillRect(480, 14, 36, 18);
        g.setColor(new Color(0, 122, 72));
        g.fillRect(0, 44, SCREEN_WIDTH, 80);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 30));
        g.drawString("Kartu Digital JKN", 100, 96);
        g.setColor(Color.WHITE);
        g.fillRoundRect(24, 140, SCREEN_WIDTH - 48, 90, 24, 24);
        g.setColor(new Color(40, 40, 48));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 24));
        g.drawString("PESERTA " + (char) ('A' + random.nextInt(26)) + ". " + (char) ('A' + random.nextInt(26)), 44, 176);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 19));
        g.drawString("Faskes Tingkat I: Puskesmas Sejahtera", 44, 208);
        g.setColor(new Color(200, 204, 210));
        for (int i = 0; i < 4; i++) {
            g.fillRoundRect(40 + i * 125, 880, 80, 50, 14, 14);
        }
    }

    private static void invert(BufferedImage image) {
        int[] rgb = pixels(image);
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = ~rgb[i] & 0xFFFFFF;
        }
    }

    private static void compress(BufferedImage image, int low, int high) {
        int[] rgb = pixels(image);
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            int r = low + ((p >> 16) & 0xFF) * (high - low) / 255;
            int g = low + ((p >> 8) & 0xFF) * (high - low) / 255;
            int b = low + (p & 0xFF) * (high - low) / 255;
            rgb[i] = (r << 16) | (g << 8) | b;
        }
    }

    /** The image's own pixel array (TYPE_INT_RGB): editing it in place is much faster than getRGB/setRGB. */
    private static int[] pixels(BufferedImage image) {
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }

    /** A few thin jagged dark lines running across the code, from edge to edge of its area or beyond. */
    private static void drawCracks(BufferedImage screen, int qrLeft, int qrTop, int qrSide, Random random) {
        Graphics2D g = screen.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int cracks = 3 + random.nextInt(4);
        for (int i = 0; i < cracks; i++) {
            double angle = random.nextDouble() * Math.PI;
            double cx = qrLeft + qrSide * (0.2 + 0.6 * random.nextDouble());
            double cy = qrTop + qrSide * (0.2 + 0.6 * random.nextDouble());
            double half = qrSide * (0.5 + 0.4 * random.nextDouble());
            Path2D.Double path = new Path2D.Double();
            int segments = 4 + random.nextInt(4);
            for (int s = 0; s <= segments; s++) {
                double t = -half + 2 * half * s / segments;
                double jitter = (random.nextDouble() - 0.5) * 14;
                double x = cx + t * Math.cos(angle) - jitter * Math.sin(angle);
                double y = cy + t * Math.sin(angle) + jitter * Math.cos(angle);
                if (s == 0) {
                    path.moveTo(x, y);
                } else {
                    path.lineTo(x, y);
                }
            }
            int shade = 20 + random.nextInt(50);
            g.setColor(new Color(shade, shade, shade));
            g.setStroke(new BasicStroke(1.0f + random.nextFloat() * 1.5f));
            g.draw(path);
        }
        g.dispose();
    }
}
