package id.antrean.eligibility;

import id.antrean.facility.Facility;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Is this person covered here today? Asks, in order: today's cached BPJS answer, BPJS itself (bounded in
 * time, behind a circuit breaker), and when BPJS cannot answer, the facility's roster. Nobody is stranded:
 * when nobody knows, the answer is UNVERIFIED and the patient still gets a ticket.
 *
 * <p>A positive answer is kept for the facility's day; a negative one (NOT_FOUND, INACTIVE) only for
 * {@code negativeTtl}, as a patient who pays their arrears in Mobile JKN comes back within minutes. A cached
 * NOT_FOUND of someone on the roster is asked again, so the roster still answers when BPJS has gone down since.
 */
public final class EligibilityService {
    private static final Logger LOG = LoggerFactory.getLogger(EligibilityService.class);

    private final ParticipantLookup bpjs;
    private final Roster roster;
    private final EligibilityCache cache;
    private final Clock clock;
    private final Duration negativeTtl;

    /**
     * @param bpjs        null when BPJS is not configured: the roster answers alone
     * @param negativeTtl how long a NOT_FOUND or INACTIVE answer is kept ({@code ELIGIBILITY_NEGATIVE_TTL})
     */
    public EligibilityService(ParticipantLookup bpjs, Roster roster, Pool pool, Clock clock, Duration negativeTtl) {
        this.bpjs = bpjs;
        this.roster = roster;
        this.cache = new EligibilityCache(pool);
        this.clock = clock;
        this.negativeTtl = negativeTtl;
    }

    public Future<Eligibility> check(Facility facility, Identity identity) {
        return check(facility, identity, false);
    }

    /**
     * @param dental for a dental poli: the participant's dental FKTP decides ({@link EligibilityRules#forDental});
     *               the cached answer is the primary one, so one BPJS call serves both
     */
    public Future<Eligibility> check(Facility facility, Identity identity, boolean dental) {
        return primary(facility, identity).map(e -> dental ? EligibilityRules.forDental(e, facility.bpjsProviderCode()) : e);
    }

    private Future<Eligibility> primary(Facility facility, Identity identity) {
        LocalDate day = facility.today(clock);
        return cache.find(facility, day, identity).compose(cached -> {
            if (cached.isEmpty() || stale(cached.get())) {
                return fresh(facility, day, identity);
            }
            if (cached.get().reason() != EligibilityReason.NOT_FOUND) {
                return Future.succeededFuture(cached.get());
            }
            // BPJS did not know them, but the facility lists them: ask again, so the roster answers if BPJS is down.
            return roster.find(facility, identity).compose(listed -> listed.isEmpty()
                    ? Future.succeededFuture(cached.get())
                    : fresh(facility, day, identity));
        });
    }

    /** "Periksa ulang": BPJS is asked now, whatever is cached, and its answer replaces the cached one. */
    public Future<Eligibility> recheck(Facility facility, Identity identity, boolean dental) {
        return fresh(facility, facility.today(clock), identity)
                .map(e -> dental ? EligibilityRules.forDental(e, facility.bpjsProviderCode()) : e);
    }

    private boolean stale(Eligibility cached) {
        boolean negative = cached.reason() == EligibilityReason.NOT_FOUND
                || cached.reason() == EligibilityReason.INACTIVE;
        return negative && !cached.checkedAt().plus(negativeTtl).isAfter(now());
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
