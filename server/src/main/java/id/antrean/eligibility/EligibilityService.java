package id.antrean.eligibility;

import id.antrean.facility.Facility;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Is this person covered here today? Asks, in order: today's cached BPJS answer, BPJS itself (bounded in
 * time, behind a circuit breaker), and when BPJS cannot answer, the facility's roster. Nobody is stranded:
 * when nobody knows, the answer is UNVERIFIED and the patient still gets a ticket.
 */
public final class EligibilityService {
    private static final Logger LOG = LoggerFactory.getLogger(EligibilityService.class);

    private final ParticipantLookup bpjs;
    private final Roster roster;
    private final EligibilityCache cache;
    private final Clock clock;

    /** @param bpjs null when BPJS is not configured: the roster answers alone */
    public EligibilityService(ParticipantLookup bpjs, Roster roster, Pool pool, Clock clock) {
        this.bpjs = bpjs;
        this.roster = roster;
        this.cache = new EligibilityCache(pool);
        this.clock = clock;
    }

    public Future<Eligibility> check(Facility facility, Identity identity) {
        LocalDate day = facility.today(clock);
        return cache.find(facility, day, identity).compose(cached -> cached.isPresent()
                ? Future.succeededFuture(cached.get())
                : fresh(facility, day, identity));
    }

    private Future<Eligibility> fresh(Facility facility, LocalDate day, Identity identity) {
        if (bpjs == null) {
            return fromRoster(facility, identity, Eligibility.Source.ROSTER);
        }
        return bpjs.find(facility, identity)
                .recover(failure -> {
                    LOG.warn("BPJS could not answer for facility {}: {}", facility.code(), failure.toString());
                    return Future.failedFuture(new BpjsUnavailable());
                })
                .map(found -> found
                        .map(p -> EligibilityRules.decide(p, facility.bpjsProviderCode(), facility.name(), day, now()))
                        .orElseGet(() -> new Eligibility(EligibilityReason.NOT_FOUND, null, null,
                                Eligibility.Source.BPJS, now(), facility.name())))
                .compose(decision -> decision.reason() == EligibilityReason.UNVERIFIED
                        ? Future.succeededFuture(decision)
                        : cache.store(facility, day, identity, decision).map(decision))
                .recover(failure -> failure instanceof BpjsUnavailable
                        ? fromRoster(facility, identity, Eligibility.Source.BPJS)
                        : Future.failedFuture(failure));
    }

    private Future<Eligibility> fromRoster(Facility facility, Identity identity, Eligibility.Source asked) {
        return roster.find(facility, identity).map(listed -> listed
                .map(p -> new Eligibility(EligibilityReason.ACTIVE_HERE, null, p, Eligibility.Source.ROSTER, now(),
                        facility.name()))
                .orElseGet(() -> new Eligibility(EligibilityReason.UNVERIFIED, null, null, asked, now(),
                        facility.name())));
    }

    private Instant now() {
        return clock.instant();
    }

    /** BPJS failed to answer: time to ask the roster. */
    private static final class BpjsUnavailable extends RuntimeException {
        BpjsUnavailable() {
            super(null, null, false, false);
        }
    }
}
