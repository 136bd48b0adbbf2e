package id.antrean.print;

/**
 * What a printed ticket says, already in words (from the message bundles). No name, NIK or card number.
 *
 * @param code the ticket's code, printed as a QR (see {@link id.antrean.protocol.TicketCode})
 */
public record TicketDocument(String facilityName, String labelTitle, String label, String serviceName,
                             String dateText, String aheadText, String waitText, String footerText, String code) {
}
