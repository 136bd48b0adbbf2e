package id.antrean.metrics;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs every sampler now and then every {@code period}, one after the other: a slow database gets no pile-up. */
public final class Sampling {
    private static final Logger LOG = LoggerFactory.getLogger(Sampling.class);

    private Sampling() {
    }

    public static void start(Vertx vertx, Duration period, List<Sampler> samplers) {
        round(vertx, period.toMillis(), samplers);
    }

    private static void round(Vertx vertx, long periodMillis, List<Sampler> samplers) {
        Future<Void> all = Future.succeededFuture();
        for (Sampler sampler : samplers) {
            all = all.compose(v -> sampler.sample().recover(e -> {
                LOG.debug("A metrics sample failed: {}", e.toString());
                return Future.succeededFuture();
            }));
        }
        all.onComplete(v -> vertx.setTimer(periodMillis, id -> round(vertx, periodMillis, samplers)));
    }
}
