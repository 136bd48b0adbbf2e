package id.antrean.print;

/**
 * What a printed ticket says, already in words of one language (from the message bundles). No name, NIK or card
 * number. A null text is a line left out, and the paper is that much shorter.
 *
 * @param logo           the facility's logo (PNG or JPEG bytes) at the top; null without one
 * @param priorityText   "PRIORITAS" under the number of a priority ticket; null on the others
 * @param payerText      who pays: JKN or UMUM
 * @param bookingText    "Booking online" with the booked time for a Mobile JKN booking; null for a walk-in
 * @param aheadText      people ahead; null unless the ticket is waiting
 * @param waitText       the estimated wait; null when there is no basis for one, or nobody is ahead
 * @param code           what the QR carries: the ticket's tracking link (see {@link id.antrean.protocol.TrackLink})
 * @param qrCaption      what the QR is for, printed under it
 * @param bookFromHome   the word on Mobile JKN's online queue, for walk-ins only; null on a booking
 * @param facilityFooter the facility's own footer (its profile); null without one
 */
public record TicketDocument(byte[] logo, String facilityName, String labelTitle, String label, String priorityText,
                             String serviceName, String payerText, String bookingText, String dateText,
                             String aheadText, String waitText, String code, String qrCaption, String bookFromHome,
                             String facilityFooter) {
}
