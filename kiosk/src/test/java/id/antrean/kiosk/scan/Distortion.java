package id.antrean.kiosk.scan;

/** What can go wrong between a phone screen and the kiosk's webcam; a corpus frame has none, one or several. */
enum Distortion {
    ROTATION("rotation"),
    PERSPECTIVE("perspective"),
    BLUR("blur"),
    GLARE("glare"),
    LOW_CONTRAST("low-contrast"),
    DARK_MODE("dark-mode"),
    SMALL("small"),
    JPEG("jpeg"),
    NOISE("noise"),
    CRACKED("cracked");

    final String label;

    Distortion(String label) {
        this.label = label;
    }
}
