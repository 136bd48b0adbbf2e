package id.antrean.web;

import io.vertx.core.Handler;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;
import io.vertx.pgclient.PgException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become {@code application/problem+json}: features throw {@link Problem},
 * the OpenAPI validator and Vert.x Web raise their own exceptions, and the database may be away.
 * Bad input is always a 4xx; a database outage is a 503 with {@code Retry-After}; only a defect is a 500.
 */
public final class ProblemHandler implements Handler<RoutingContext> {
    public static final String CONTENT_TYPE = "application/problem+json; charset=utf-8";
    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);
    private static final Pattern PARAMETER_NAME = Pattern.compile("parameter (\\S+)");
    private static final int RETRY_AFTER_SECONDS = 5;

    @Override
    public void handle(RoutingContext rc) {
        if (rc.response().closed()) {
            // The client went away (a screen closed, a node stopping): nobody is left to answer.
            return;
        }
        send(rc, toProblem(rc.failure(), rc.statusCode()));
    }

    public static void send(RoutingContext rc, Problem problem) {
        send(rc.response(), problem);
    }

    /** Answers with the problem, for the few refusals made before a request reaches the router. */
    public static void send(io.vertx.core.http.HttpServerResponse response, Problem problem) {
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            // A stream already under way (SSE) cannot change its status; end it.
            response.end();
            return;
        }
        if (problem.retryAfterSeconds() > 0) {
            response.putHeader("Retry-After", Integer.toString(problem.retryAfterSeconds()));
        } else if (problem.code() == ErrorCode.DATABASE_UNAVAILABLE) {
            response.putHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        }
        response.setStatusCode(problem.code().status())
                .putHeader("Content-Type", CONTENT_TYPE)
                .putHeader("Content-Language", "id, en")
                .end(toJson(problem).encode());
    }

    public static JsonObject toJson(Problem problem) {
        LocalizedText text = problem.text();
        JsonObject json = new JsonObject();
        // Extension members first, so the standard ones written next always win a clash of names.
        problem.members().forEach(member -> json.put(member.getKey(), member.getValue()));
        json
                .put("type", "urn:antrean:problem:" + problem.code().name().toLowerCase().replace('_', '-'))
                .put("title", text.en())
                .put("status", problem.code().status())
                .put("code", problem.code().name())
                .put("message", text.toJson());
        if (problem.field() != null) {
            json.put("field", problem.field());
        }
        if (problem.detail() != null) {
            json.put("detail", problem.detail());
        }
        return json;
    }

    static Problem toProblem(Throwable failure, int status) {
        if (failure instanceof HttpException http && http.getCause() != null) {
            // Vert.x Web wraps validation failures: the cause says what was wrong.
            return toProblem(http.getCause(), http.getStatusCode());
        }
        if (failure instanceof Problem p) {
            return p;
        }
        if (failure instanceof SchemaValidationException e) {
            return fromSchema(e);
        }
        if (failure instanceof ValidatorException e) {
            return fromValidator(e);
        }
        if (failure instanceof DecodeException || causedBy(failure, DecodeException.class)) {
            return Problem.of(ErrorCode.MALFORMED_JSON);
        }
        if (DatabaseOutage.isOutage(failure)) {
            LOG.warn("Database unavailable: {}", failure.toString());
            return Problem.of(ErrorCode.DATABASE_UNAVAILABLE);
        }
        if (failure instanceof PgException pg && pg.getSqlState() != null) {
            String state = pg.getSqlState();
            if (isConcurrencyConflict(state)) {
                return Problem.of(ErrorCode.CONFLICT);
            }
            if (state.startsWith("22")) {
                // Data exception: a value the database cannot take reached it; the input was bad.
                LOG.warn("Input refused by the database: {}", pg.getMessage());
                return Problem.of(ErrorCode.INVALID_REQUEST);
            }
            if (state.startsWith("23")) {
                // A constraint stopped a change: the state moved under the request. Worth a look.
                LOG.error("Constraint refused a change: {}", pg.getMessage());
                return Problem.of(ErrorCode.CONFLICT);
            }
        }
        if (failure instanceof HttpException http) {
            return fromStatus(http.getStatusCode(), failure);
        }
        if (failure == null) {
            return fromStatus(status, null);
        }
        LOG.error("Unexpected failure", failure);
        return Problem.of(ErrorCode.INTERNAL_ERROR);
    }

    private static Problem fromStatus(int status, Throwable failure) {
        return switch (status) {
            case 400 -> failure == null ? Problem.of(ErrorCode.INVALID_REQUEST)
                    : Problem.withDetail(ErrorCode.INVALID_REQUEST, failure.getMessage());
            case 404 -> Problem.of(ErrorCode.NOT_FOUND);
            case 405 -> Problem.of(ErrorCode.METHOD_NOT_ALLOWED);
            case 413 -> Problem.of(ErrorCode.PAYLOAD_TOO_LARGE);
            case 415 -> Problem.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
            case 503 -> Problem.of(ErrorCode.DATABASE_UNAVAILABLE);
            default -> {
                if (status >= 400 && status < 500) {
                    yield Problem.withDetail(ErrorCode.INVALID_REQUEST, "HTTP " + status);
                }
                LOG.error("Unexpected failure with status {}", status, failure);
                yield Problem.of(ErrorCode.INTERNAL_ERROR);
            }
        };
    }

    private static Problem fromValidator(ValidatorException e) {
        String message = String.valueOf(e.getMessage());
        return switch (e.type()) {
            case MISSING_REQUIRED_PARAMETER -> {
                Matcher m = PARAMETER_NAME.matcher(message);
                yield m.find()
                        ? Problem.ofField(ErrorCode.MISSING_PARAMETER, m.group(1), m.group(1))
                        : Problem.of(ErrorCode.BODY_REQUIRED);
            }
            case UNSUPPORTED_VALUE_FORMAT -> Problem.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
            // The validator reports undecodable JSON only by its message.
            default -> message.contains("body can't be decoded") || causedBy(e, DecodeException.class)
                    ? Problem.of(ErrorCode.MALFORMED_JSON)
                    : Problem.withDetail(ErrorCode.INVALID_REQUEST, message);
        };
    }

    private static Problem fromSchema(SchemaValidationException e) {
        OutputUnit unit = deepest(e.getOutputUnit());
        String location = unit == null || unit.getInstanceLocation() == null ? "" : unit.getInstanceLocation();
        String field = location.replaceFirst("^#?/?", "").replace('/', '.');
        if (field.isEmpty() && unit != null && unit.getError() != null) {
            // An error about the object itself: a missing or an unexpected property names it.
            Matcher m = Pattern.compile("property \"?'?([A-Za-z0-9_-]+)").matcher(unit.getError());
            field = m.find() ? m.group(1) : "";
        }
        return field.isEmpty()
                ? Problem.withDetail(ErrorCode.INVALID_REQUEST, e.getMessage())
                : Problem.ofField(ErrorCode.INVALID_FIELD, field, field);
    }

    private static OutputUnit deepest(OutputUnit unit) {
        if (unit == null) {
            return null;
        }
        List<OutputUnit> errors = unit.getErrors();
        if (errors == null || errors.isEmpty()) {
            return unit;
        }
        OutputUnit best = unit;
        for (OutputUnit child : errors) {
            OutputUnit d = deepest(child);
            if (d != null && depth(d) >= depth(best)) {
                best = d;
            }
        }
        return best;
    }

    private static int depth(OutputUnit unit) {
        String loc = unit.getInstanceLocation();
        return loc == null ? 0 : loc.length();
    }

    private static boolean isConcurrencyConflict(String sqlState) {
        return "40001".equals(sqlState) || "40P01".equals(sqlState);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
