package id.antrean.kiosk.scan;

/**
 * The image header announces more pixels than we are willing to allocate. Refused before decoding,
 * so a small file that claims to be huge (a decompression bomb) costs nothing.
 */
public final class ImageTooLargeException extends NotAnImageException {
    public ImageTooLargeException(int width, int height, long maxPixels, int maxSide) {
        super("image is " + width + "x" + height + "; at most " + maxPixels + " pixels and " + maxSide
                + " per side are accepted");
    }
}
