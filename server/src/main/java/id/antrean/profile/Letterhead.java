package id.antrean.profile;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * What a facility puts on its paper besides the queue's own words: its name, address and logo (the kop surat of
 * tickets and reports), the ticket's footer, and who signs its reports. Every part but the name may be unset
 * (null).
 *
 * @param logo    a PNG or JPEG (see {@link Logo}), at most a few kilobytes
 * @param headNip the signatory's civil servant number, 18 digits
 */
public record Letterhead(String name, String address, byte[] logo, String ticketFooter, String headTitle,
                         String headName, String headNip) {

    /** A NIP as it is printed: in its groups (birth date, appointment month, sex, number), "19800101 200501 1 001". */
    public String nipPrinted() {
        if (headNip == null || headNip.length() != 18) {
            return headNip;
        }
        return headNip.substring(0, 8) + " " + headNip.substring(8, 14) + " " + headNip.substring(14, 15) + " "
                + headNip.substring(15);
    }

    /** A logo as an image to print; one that does not read as an image is left off rather than fail the paper. */
    public static BufferedImage image(byte[] logo) {
        if (logo == null) {
            return null;
        }
        try {
            return ImageIO.read(new ByteArrayInputStream(logo));
        } catch (IOException e) {
            return null;
        }
    }
}
