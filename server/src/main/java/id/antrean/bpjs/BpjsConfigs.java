package id.antrean.bpjs;

import io.vertx.core.Future;

/**
 * The BPJS credentials to use for one facility: its own when an admin entered them, the server's environment
 * otherwise. Fails when the facility's own cannot be read (a clear message, never a secret).
 */
@FunctionalInterface
public interface BpjsConfigs {

    /** @param facilityId null for a server-wide call (tests of a fixed configuration) */
    Future<BpjsConfig> of(Long facilityId);

    /** Always the same configuration (single-facility servers, tests). */
    static BpjsConfigs fixed(BpjsConfig config) {
        return facility -> Future.succeededFuture(config);
    }
}
