package id.antrean.print;

/**
 * What a printed ticket says, already in words (from the message bundles). No name, NIK or card number.
 *
 * @param code         the ticket's code, printed as a QR (see {@link id.antrean.protocol.TicketCode})
 * @param priorityText "PRIORITAS" under the number of a priority ticket; null (no line) on the others
 */
public record TicketDocument(String facilityName, String labelTitle, String label, String serviceName,
                             String dateText, String aheadText, String waitText, String footerText, String code,
                             String priorityText) {

    /** A ticket without priority. */
    public TicketDocument(String facilityName, String labelTitle, String label, String serviceName, String dateText,
                          String aheadText, String waitText, String footerText, String code) {
        this(facilityName, labelTitle, label, serviceName, dateText, aheadText, waitText, footerText, code, null);
    }
}
