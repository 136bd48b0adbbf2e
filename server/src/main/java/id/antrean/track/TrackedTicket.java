package id.antrean.track;

import id.antrean.facility.Facility;
import id.antrean.queue.Ticket;
import id.antrean.queue.TicketStatus;
import io.vertx.core.json.JsonObject;

/**
 * A ticket as its patient follows it on their phone: the number, the poli, the people ahead, the estimate and the
 * room. Chosen field by field, so nothing personal can slip in (no card, NIK, name, eligibility, nor the ticket's id).
 *
 * @param waitMinutes the queue's estimate (WaitEstimator): null when it has no basis or the ticket is not waiting
 */
record TrackedTicket(Facility facility, Ticket ticket, Integer waitMinutes) {

    JsonObject toJson() {
        boolean waiting = ticket.status() == TicketStatus.WAITING && ticket.position() != null;
        boolean atRoom = (ticket.status() == TicketStatus.CALLED || ticket.status() == TicketStatus.SERVING)
                && ticket.counterName() != null;
        return new JsonObject()
                .put("facilityName", facility.name())
                .put("label", ticket.label())
                .put("service", ticket.service())
                .put("serviceName", ticket.serviceName())
                .put("status", ticket.status().name())
                .put("ahead", waiting ? ticket.position() - 1 : null)
                .put("estimatedWaitMinutes", waiting ? waitMinutes : null)
                .put("room", atRoom ? new JsonObject().put("code", ticket.counterCode()).put("name", ticket.counterName())
                        : null)
                .put("callCount", ticket.callCount())
                .put("serviceDate", ticket.serviceDate().toString())
                .put("expiresAt", facility.local(ticket.serviceDate().plusDays(1).atStartOfDay(facility.zone())
                        .toInstant()).toString());
    }
}
