package id.antrean.kiosk.print;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.util.Map;

/** Reads the QR code back from a printed (rasterised) ticket, as a scanner at the counter would. */
final class QrCodes {

    private QrCodes() {
    }

    static String decode(MonoRaster raster) {
        return decode(raster.toImage());
    }

    static String decode(BufferedImage image) {
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                    Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (NotFoundException e) {
            throw new AssertionError("no QR code found in the " + image.getWidth() + "x" + image.getHeight() + " raster", e);
        } catch (ReaderException e) {
            throw new AssertionError("QR code found but unreadable", e);
        }
    }
}
