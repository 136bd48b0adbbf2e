package id.antrean.bpjs;

import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;

/**
 * The headers every BPJS web service wants: consumer id, a Unix timestamp in seconds, its HMAC signature,
 * the service's user key, and for PCare the {@code X-authorization} of the facility's user.
 */
public final class BpjsHeaders {
    private BpjsHeaders() {
    }

    /** The request's timestamp: replies are encrypted with a key derived from it. */
    public static String timestamp(Clock clock) {
        return Long.toString(clock.instant().getEpochSecond());
    }

    public static MultiMap signed(BpjsConfig config, String userKey, String timestamp) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("X-cons-id", config.consId())
                .add("X-timestamp", timestamp)
                .add("X-signature", BpjsSignature.sign(config.consId(), config.secret(), timestamp))
                .add("user_key", userKey)
                .add("Accept", "application/json");
        if (config.pcareUser() != null) {
            String auth = config.pcareUser() + ":" + (config.pcarePassword() == null ? "" : config.pcarePassword())
                    + ":" + config.appCode();
            headers.add("X-authorization", "Basic " + Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8)));
        }
        return headers;
    }
}
