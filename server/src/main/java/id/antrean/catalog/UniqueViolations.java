package id.antrean.catalog;

import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import id.antrean.web.UniqueViolation;
import io.vertx.core.Future;

/**
 * A code, letter or BPJS poli code another row of the facility already has: the database's UNIQUE constraint
 * decides (two admins creating "GIGI" at once cannot both win), and this names it for people as a 409.
 */
final class UniqueViolations {
    private UniqueViolations() {
    }

    static <T> Future<T> explain(Throwable failure, String code, String prefix, String bpjsCode) {
        if (UniqueViolation.is(failure)) {
            String constraint = UniqueViolation.constraint(failure).orElseThrow();
            if (constraint.equals("service_bpjs_code_unique")) {
                return Future.failedFuture(Problem.ofField(ErrorCode.SERVICE_BPJS_CODE_TAKEN, "bpjsCode", bpjsCode));
            }
            if (constraint.startsWith("service_") && constraint.contains("prefix")) {
                return Future.failedFuture(Problem.ofField(ErrorCode.SERVICE_PREFIX_TAKEN, "prefix", prefix));
            }
            if (constraint.startsWith("service_")) {
                return Future.failedFuture(Problem.ofField(ErrorCode.SERVICE_CODE_TAKEN, "code", code));
            }
            if (constraint.startsWith("counter_")) {
                return Future.failedFuture(Problem.ofField(ErrorCode.COUNTER_CODE_TAKEN, "code", code));
            }
        }
        return Future.failedFuture(failure);
    }
}
