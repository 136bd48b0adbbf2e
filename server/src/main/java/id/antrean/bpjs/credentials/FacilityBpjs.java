package id.antrean.bpjs.credentials;

import id.antrean.bpjs.BpjsConfig;
import id.antrean.bpjs.BpjsConfigs;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which credentials a facility's BPJS calls are signed with: its own when an admin entered them, the environment's
 * ({@code BPJS_*}, the single-facility default) otherwise. Each facility's row is read once per {@link #TTL} at most,
 * not on every eligibility check or outbox message. A change on this node clears its entry at once; another node
 * of the same database sees it within the {@link #TTL} (short on purpose, so no cross-node signal is needed).
 * An unreadable row is never cached, so entering the credentials again or setting the right key helps at once.
 */
public final class FacilityBpjs implements BpjsConfigs {
    static final Duration TTL = Duration.ofSeconds(30);

    private record Cached(Future<Optional<BpjsCredentials>> own, Instant until) {
    }

    private final Pool pool;
    private final CredentialStore store;
    private final CredentialSeal seal;
    private final BpjsConfig server;
    private final Clock clock;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    /** @param server how BPJS is reached, with the environment's credentials; null = BPJS not configured */
    public FacilityBpjs(Pool pool, CredentialSeal seal, BpjsConfig server, Clock clock) {
        this.pool = pool;
        this.store = new CredentialStore(seal);
        this.seal = seal;
        this.server = server;
        this.clock = clock;
    }

    /** The environment's configuration (addresses, timeout, default credentials); null = BPJS not configured. */
    public BpjsConfig server() {
        return server;
    }

    /** Null when the facility has no credentials to sign with: neither its own nor the server's. */
    @Override
    public Future<BpjsConfig> of(Long facilityId) {
        if (server == null || facilityId == null) {
            return Future.succeededFuture(server == null || !server.hasCredentials() ? null : server);
        }
        return own(facilityId).map(own -> own.map(c -> c.applyTo(server))
                .orElse(server.hasCredentials() ? server : null));
    }

    /** The facility's own credentials, opened; empty when it has none. */
    Future<Optional<BpjsCredentials>> own(long facilityId) {
        Instant now = clock.instant();
        Cached cached = cache.get(facilityId);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.own();
        }
        Future<Optional<BpjsCredentials>> read = store.find(pool, facilityId, false)
                .map(row -> row.map(r -> r.open(seal)));
        cache.put(facilityId, new Cached(read, now.plus(TTL)));
        return read.onFailure(e -> cache.remove(facilityId));
    }

    /** After a change on this node. */
    void forget(long facilityId) {
        cache.remove(facilityId);
    }
}
