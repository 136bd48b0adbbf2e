package id.antrean.facility;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facility a request to {@code /api/v1/facilities/{code}/…} is about, looked up once, right after the access
 * guard, for every handler after it: handlers and services take a {@link Facility}, never its code. The guard's
 * token check has read the caller's facility already, and that is used when it is the one in the path; otherwise
 * it is looked up, kept as a future, so an unknown facility still answers where it did (404 after the request's
 * own checks).
 */
public final class FacilityContext implements Handler<RoutingContext> {
    private static final String KEY = "antrean.facility";
    private static final String KNOWN = "antrean.facility.known";
    private static final Pattern FACILITY_PATH = Pattern.compile("^/api/v1/facilities/([^/]+)(?:/.*)?$");

    private final FacilityDirectory directory;

    public FacilityContext(FacilityDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void handle(RoutingContext rc) {
        Matcher path = FACILITY_PATH.matcher(rc.request().path());
        if (path.matches()) {
            String code = decoded(path.group(1));
            Facility known = rc.get(KNOWN);
            rc.put(KEY, known != null && known.code().equals(FacilityDirectory.normalizeFacilityCode(code))
                    ? Future.succeededFuture(known)
                    : directory.facility(code));
        }
        rc.next();
    }

    /** The caller's own facility, read with their token by the access guard: the usual case needs no lookup. */
    public static void known(RoutingContext rc, Facility facility) {
        rc.put(KNOWN, facility);
    }

    /** As the router decodes a path parameter; an escape it cannot decode is no facility's code. */
    private static String decoded(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }

    /** The request's facility (failed with FACILITY_NOT_FOUND when there is none by its code). */
    public static Future<Facility> of(RoutingContext rc) {
        Future<Facility> facility = rc.get(KEY);
        if (facility == null) {
            throw new IllegalStateException("No facility in this route's path: " + rc.request().path());
        }
        return facility;
    }
}
