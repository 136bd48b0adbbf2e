package id.antrean.bpjs;

import id.antrean.metrics.Metrics;
import io.vertx.core.Future;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Times one call to a BPJS service and names how it ended: ok, refused (an answer BPJS gave that says no), timeout,
 * or error (no usable answer: network trouble, an HTTP error, an unreadable reply).
 */
public final class BpjsCallTiming {
    private BpjsCallTiming() {
    }

    /** @param outcome what an answer means (ok or refused) */
    public static <T> Future<T> time(Metrics metrics, String service, java.util.function.Supplier<Future<T>> call,
                                     Function<T, String> outcome) {
        long start = System.nanoTime();
        return call.get().andThen(ar -> metrics.bpjsCall(service, ar.succeeded() ? outcome.apply(ar.result())
                : failure(ar.cause()), System.nanoTime() - start));
    }

    private static String failure(Throwable cause) {
        return cause instanceof TimeoutException ? "timeout" : "error";
    }
}
