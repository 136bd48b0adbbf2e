package id.antrean.kiosk.scan;

import java.util.Set;

/**
 * One corpus frame: the JPEG as the kiosk page would post it, what its QR holds, and how it was made.
 *
 * @param category   "clean", a distortion's label, or labels joined by '+'
 * @param parameters the drawn values (angles, sizes, blur...), for the manifest
 */
record CorpusFrame(String file, String category, Set<Distortion> distortions, CorpusPayload payload,
        String parameters, byte[] jpeg) {

    boolean clean() {
        return distortions.isEmpty();
    }
}
