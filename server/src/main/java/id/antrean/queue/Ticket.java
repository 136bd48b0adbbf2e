package id.antrean.queue;

import id.antrean.eligibility.CardNumber;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A ticket: nomor antrean. This view holds only what staff screens may show: the card number's last
 * four digits, never the full number or the NIK.
 *
 * @param eligibility the JKN check made at issue ({@code ACTIVE_HERE}, {@code UNVERIFIED}, ...); null for UMUM
 * @param estimatedAt for an online booking, the time estimated for it at booking (it is not in line before)
 * @param checkedInAt for an online booking, when its patient checked in
 * @param lineAt since when the ticket stands in its line (the fairness rule): a walk-in from issue (or its
 *     transfer), a booking from check-in but not before its estimated time; {@code call-next} passes it over
 *     until then
 * @param trackingCode the code of its public tracking link ({@code /t/{code}}); not in {@link #toJson()}, which also
 *     goes into the event log: the API's handlers add the link to the answers of the one ticket
 */
public record Ticket(
        long id,
        String facility,
        ZoneId zone,
        long serviceId,
        String service,
        String serviceName,
        String homeService,
        int number,
        String label,
        TicketStatus status,
        String source,
        String payer,
        boolean priority,
        String cardLast4,
        LocalDate serviceDate,
        Instant issuedAt,
        Instant calledAt,
        Instant startedAt,
        Instant finishedAt,
        int callCount,
        Long counterId,
        String counterCode,
        String counterName,
        String counterSpokenName,
        Integer position,
        String eligibility,
        String eligibilitySource,
        Instant eligibilityCheckedAt,
        Instant estimatedAt,
        Instant checkedInAt,
        Instant lineAt,
        String trackingCode) {

    public JsonObject toJson() {
        JsonObject json = new JsonObject()
                .put("id", id)
                .put("facility", facility)
                .put("service", service)
                .put("serviceName", serviceName)
                .put("homeService", homeService)
                .put("number", number)
                .put("label", label)
                .put("status", status.name())
                .put("source", source)
                .put("payer", payer)
                .put("priority", priority)
                .put("cardNumberMasked", cardLast4 == null ? null : CardNumber.mask(cardLast4))
                .put("serviceDate", serviceDate.toString())
                .put("issuedAt", local(issuedAt))
                .put("calledAt", local(calledAt))
                .put("startedAt", local(startedAt))
                .put("finishedAt", local(finishedAt))
                .put("position", position)
                .put("callCount", callCount);
        json.put("estimatedAt", local(estimatedAt));
        json.put("checkedInAt", local(checkedInAt));
        json.put("lineAt", local(lineAt));
        json.put("allowedActions", new JsonArray(CounterAction.allowedOn(status)));
        json.put("eligibility", eligibility == null ? null : new JsonObject()
                .put("reason", eligibility)
                .put("source", eligibilitySource)
                .put("checkedAt", local(eligibilityCheckedAt)));
        json.put("counter", counterCode == null ? null
                : counterReference());
        return json;
    }

    /** As {@code Counter.reference()}: the spoken name only when the room has one. */
    private JsonObject counterReference() {
        JsonObject json = new JsonObject().put("code", counterCode).put("name", counterName);
        return counterSpokenName == null ? json : json.put("spokenName", counterSpokenName);
    }

    private String local(Instant instant) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime().toString();
    }
}
