package id.antrean.print;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Map;

/** QR codes for printed tickets (zxing), black on white with a quiet zone, sharp at any scale. */
public final class QrCodes {
    private QrCodes() {
    }

    /** About this many pixels across: whole pixels per module, so scaling in a PDF viewer or printer stays sharp. */
    private static final int TARGET_PIXELS = 300;

    /** The code at one module per pixel, drawn up to about 300 px with whole pixels per module. */
    public static BufferedImage image(String payload) {
        try {
            // Width and height 0: zxing's own size, one module per pixel (quiet zone included). Error correction L:
            // fewer, larger modules. On a 58 mm ticket the code is 80 pt wide, some 6 printer dots per module at M,
            // and about one tracking link in a hundred did not read back at 203 dpi (QrCodesTest); at L none did.
            BitMatrix modules = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.L, EncodeHintType.MARGIN, 2));
            int scale = Math.max(1, TARGET_PIXELS / modules.getWidth());
            BufferedImage image = new BufferedImage(modules.getWidth() * scale, modules.getHeight() * scale,
                    BufferedImage.TYPE_BYTE_BINARY);
            Graphics2D g = image.createGraphics();
            try {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, image.getWidth(), image.getHeight());
                g.setColor(Color.BLACK);
                for (int y = 0; y < modules.getHeight(); y++) {
                    for (int x = 0; x < modules.getWidth(); x++) {
                        if (modules.get(x, y)) {
                            g.fillRect(x * scale, y * scale, scale, scale);
                        }
                    }
                }
            } finally {
                g.dispose();
            }
            return image;
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a QR code for this payload", e);
        }
    }
}
