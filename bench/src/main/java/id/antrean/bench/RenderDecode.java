package id.antrean.bench;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import id.antrean.kiosk.scan.DecodeResult;
import id.antrean.kiosk.scan.FrameDecoder;
import id.antrean.print.TicketDocument;
import id.antrean.print.TicketRenderer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import java.util.function.Supplier;
import javax.imageio.ImageIO;

/**
 * The two CPU-bound steps of a kiosk visit, timed warm in this JVM: rendering a ticket PDF (JasperReports,
 * as {@code TicketPrints} does) and decoding a 1280×720 camera frame with a digital card's QR (as the kiosk's
 * {@code FrameDecoder} does, from JPEG bytes as the page sends them).
 */
public final class RenderDecode {
    private static final TicketDocument TICKET = new TicketDocument(null, "Puskesmas Sejahtera (Demo)",
            "NOMOR ANTREAN", "A-012", null, "Poli Umum", "Pasien JKN", null, "Jumat, 27 November 2026 · 09.12 WITA",
            "Di depan Anda: 3 orang", "Perkiraan tunggu: sekitar 15 menit", "ANTREAN:pkm-demo:12:A-012",
            "Pindai untuk melihat antrean Anda", "Lain kali, ambil nomor antrean dari rumah lewat aplikasi Mobile JKN.",
            null);

    private RenderDecode() {
    }

    public static Latencies renderPdf(int warmup, int runs) {
        TicketRenderer renderer = new TicketRenderer();
        return time(warmup, runs, () -> renderer.pdf(TICKET, TicketRenderer.Width.of(58)).length);
    }

    /** A photographed card: the QR turned a little, on a grey background with sensor noise, as JPEG. */
    public static byte[] cameraFrame() {
        try {
            BufferedImage qr = MatrixToImageWriter.toBufferedImage(new QRCodeWriter()
                    .encode("0001234567890", BarcodeFormat.QR_CODE, 300, 300));
            BufferedImage frame = new BufferedImage(1280, 720, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = frame.createGraphics();
            g.setColor(new Color(118, 124, 130));
            g.fillRect(0, 0, 1280, 720);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            AffineTransform at = new AffineTransform();
            at.translate(560, 180);
            at.rotate(Math.toRadians(8), 150, 150);
            g.drawImage(qr, at, null);
            g.dispose();
            Random random = new Random(7);
            for (int y = 0; y < 720; y++) {
                for (int x = 0; x < 1280; x++) {
                    int rgb = frame.getRGB(x, y);
                    int n = (int) (random.nextGaussian() * 10);
                    int r = clamp(((rgb >> 16) & 0xff) + n);
                    int gr = clamp(((rgb >> 8) & 0xff) + n);
                    int b = clamp((rgb & 0xff) + n);
                    frame.setRGB(x, y, (r << 16) | (gr << 8) | b);
                }
            }
            ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
            ImageIO.write(frame, "jpg", jpeg);
            return jpeg.toByteArray();
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Latencies decodeFrame(int warmup, int runs) {
        byte[] frame = cameraFrame();
        FrameDecoder decoder = new FrameDecoder();
        return time(warmup, runs, () -> {
            try {
                DecodeResult result = decoder.decode(frame);
                if (!result.found()) {
                    throw new IllegalStateException("the bench frame did not decode: " + result);
                }
                return result.text().length();
            } catch (id.antrean.kiosk.scan.NotAnImageException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Latencies time(int warmup, int runs, Supplier<Integer> work) {
        long sink = 0;
        for (int i = 0; i < warmup; i++) {
            sink += work.get();
        }
        Latencies latencies = new Latencies();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            sink += work.get();
            latencies.record(System.nanoTime() - start);
        }
        if (sink == 42) {
            System.out.print(""); // keeps the work observable to the JIT
        }
        return latencies;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
