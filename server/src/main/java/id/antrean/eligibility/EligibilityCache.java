package id.antrean.eligibility;

import id.antrean.facility.Facility;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * BPJS's answers, kept in the database for the rest of the facility's local day, so each participant costs
 * one BPJS call per day, whichever server node asks. How long an answer is trusted is the service's rule
 * ({@link EligibilityService}); here a card and its NIK share one answer: an answer found by NIK is also the
 * card's, and a newer answer replaces the older one under every identity of the same card.
 */
final class EligibilityCache {
    static final String FIND = """
            SELECT decision, checked_at FROM eligibility_check
            WHERE facility_id = $1 AND service_date = $2
              AND ((identity_kind = $3 AND identity = $4) OR card_number = $5)
            ORDER BY checked_at DESC
            LIMIT 1""";
    static final String STORE = """
            INSERT INTO eligibility_check (facility_id, service_date, identity_kind, identity, card_number, decision, checked_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (facility_id, service_date, identity_kind, identity)
            DO UPDATE SET card_number = EXCLUDED.card_number, decision = EXCLUDED.decision, checked_at = EXCLUDED.checked_at""";
    /** The same card asked by its other identity earlier today: it now says the same. */
    static final String SHARE = """
            UPDATE eligibility_check SET decision = $5, checked_at = $6
            WHERE facility_id = $1 AND service_date = $2 AND card_number = $3 AND identity <> $4""";

    /**
     * One writer per card at a time: a card's answer and its NIK's are stored by two requests at once (a kiosk by
     * card, the desk by NIK), each upserting its own row and then updating the other's; without this they lock
     * the two rows in opposite orders and deadlock.
     */
    static final String ONE_WRITER_PER_CARD = "SELECT pg_advisory_xact_lock(hashtextextended('eligibility:' || $1::bigint || ':' || $2::text, 0))";

    private final Pool pool;

    EligibilityCache(Pool pool) {
        this.pool = pool;
    }

    Future<Optional<Eligibility>> find(Facility facility, LocalDate day, Identity identity) {
        return pool.preparedQuery(FIND).execute(Tuple.of(facility.id(), day, identity.kind(), identity.value(),
                        identity instanceof Identity.Card ? identity.value() : null))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    return Optional.of(fromStored((JsonObject) row.getJson("decision"),
                            row.getOffsetDateTime("checked_at").toInstant(), facility.name()));
                });
    }

    Future<Void> store(Facility facility, LocalDate day, Identity identity, Eligibility e) {
        // A card nobody knows is still that card: its row carries the number, so its NIK's answer can replace it.
        String card = e.cardNumber() != null ? e.cardNumber()
                : identity instanceof Identity.Card ? identity.value() : null;
        JsonObject decision = toStored(e);
        return pool.withTransaction(tx -> (card == null ? Future.succeededFuture()
                        : tx.preparedQuery(ONE_WRITER_PER_CARD).execute(Tuple.of(facility.id(), card)))
                        .compose(locked -> tx.preparedQuery(STORE).execute(Tuple.of(facility.id(), day, identity.kind(),
                                identity.value(), card, decision, e.checkedAt().atOffset(ZoneOffset.UTC))))
                        .compose(stored -> card == null ? Future.succeededFuture()
                                : tx.preparedQuery(SHARE).execute(Tuple.of(facility.id(), day, card, identity.value(),
                                        decision, e.checkedAt().atOffset(ZoneOffset.UTC)))))
                .mapEmpty();
    }

    /** What is kept: the decision and the participant without their name (its initial only). */
    static JsonObject toStored(Eligibility e) {
        JsonObject json = new JsonObject()
                .put("reason", e.reason().name())
                .put("inactiveReason", e.inactiveReason() == null ? null : e.inactiveReason().name())
                .put("source", e.source().name());
        Participant p = e.participant();
        if (p != null) {
            json.put("participant", new JsonObject()
                    .put("cardNumber", p.cardNumber())
                    .put("initial", p.initial() == null ? null : p.initial().substring(0, 1))
                    .put("active", p.active())
                    .put("statusText", p.statusText())
                    .put("validFrom", p.validFrom() == null ? null : p.validFrom().toString())
                    .put("validUntil", p.validUntil() == null ? null : p.validUntil().toString())
                    .put("providerCode", p.providerCode())
                    .put("providerName", p.providerName())
                    .put("classCode", p.classCode())
                    .put("className", p.className())
                    .put("segmentName", p.segmentName())
                    .put("inArrears", p.inArrears())
                    .put("dentalProviderCode", p.dentalProviderCode())
                    .put("dentalProviderName", p.dentalProviderName()));
        }
        return json;
    }

    static Eligibility fromStored(JsonObject json, Instant checkedAt, String hereName) {
        JsonObject p = json.getJsonObject("participant");
        Participant participant = p == null ? null : new Participant(p.getString("cardNumber"), p.getString("initial"),
                p.getBoolean("active"), p.getString("statusText"), date(p.getString("validFrom")),
                date(p.getString("validUntil")), p.getString("providerCode"), p.getString("providerName"),
                p.getString("classCode"), p.getString("className"), p.getString("segmentName"),
                p.getBoolean("inArrears"), p.getString("dentalProviderCode"), p.getString("dentalProviderName"));
        String inactive = json.getString("inactiveReason");
        return new Eligibility(EligibilityReason.valueOf(json.getString("reason")),
                inactive == null ? null : InactiveReason.valueOf(inactive), participant,
                Eligibility.Source.valueOf(json.getString("source")), checkedAt, hereName);
    }

    private static LocalDate date(String s) {
        return s == null ? null : LocalDate.parse(s);
    }
}
