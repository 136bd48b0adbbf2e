package id.antrean.kiosk.scan;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Turns a posted body into an image, refusing anything that is not a JPEG or PNG of sane size.
 * The format is sniffed from the magic bytes rather than left to ImageIO, because ImageIO happily
 * reads BMP, GIF, TIFF and whatever plugins are on the class path, and we promise only two formats.
 */
final class FrameImageReader {
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private final long maxPixels;
    private final int maxSide;

    FrameImageReader(long maxPixels, int maxSide) {
        this.maxPixels = maxPixels;
        this.maxSide = maxSide;
    }

    BufferedImage read(byte[] bytes) throws NotAnImageException {
        if (bytes == null || bytes.length == 0) {
            throw new NotAnImageException("empty body");
        }
        String format = sniffFormat(bytes);
        ImageReader reader = readerFor(format);
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(input, true, true);
            // Only the header has been read so far: check the size before any pixel is allocated.
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw new NotAnImageException("image has no pixels");
            }
            if (width > maxSide || height > maxSide || (long) width * height > maxPixels) {
                throw new ImageTooLargeException(width, height, maxPixels, maxSide);
            }
            BufferedImage image = reader.read(0);
            if (image == null) {
                throw new NotAnImageException("undecodable " + format);
            }
            return image;
        } catch (IOException | RuntimeException e) {
            // ImageIO reports corrupt data both ways (IIOException, and now and then an index error).
            throw new NotAnImageException("undecodable " + format + ": " + e.getMessage(), e);
        } finally {
            reader.dispose();
        }
    }

    private static String sniffFormat(byte[] bytes) throws NotAnImageException {
        if (startsWith(bytes, JPEG_MAGIC)) {
            return "jpeg";
        }
        if (startsWith(bytes, PNG_MAGIC)) {
            return "png";
        }
        throw new NotAnImageException("neither JPEG nor PNG");
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static ImageReader readerFor(String format) throws NotAnImageException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new NotAnImageException("no " + format + " reader in this JVM");
        }
        return readers.next();
    }
}
