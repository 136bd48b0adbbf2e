package id.antrean.metrics;

import io.vertx.core.Future;

/** Reads gauges from the database (the outbox, the backups): one query for all facilities, run on one timer. */
public interface Sampler {
    Future<Void> sample();
}
