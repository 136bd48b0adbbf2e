package id.antrean.booking;

import id.antrean.queue.Ticket;

/**
 * A ticket as Mobile JKN sees it: its poli, how many are still before it, who is being called now.
 *
 * @param nowCalling the label being served now in that poli, or null
 */
public record Standing(Ticket ticket, Poli poli, Schedule schedule, int ahead, String nowCalling) {
}
