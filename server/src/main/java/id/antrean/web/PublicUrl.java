package id.antrean.web;

import id.antrean.protocol.TrackLink;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where people reach this server from outside: the base of the links printed and handed out (a ticket's tracking
 * link). {@code PUBLIC_URL} when set (what phones on mobile data can open); otherwise the origin the request came
 * to, which is right for a kiosk and phones on the facility's own network and for a demo.
 */
public final class PublicUrl {
    private final String configured;

    private PublicUrl(String configured) {
        this.configured = configured;
    }

    /** {@code value} is {@code PUBLIC_URL}: an http(s) URL, possibly with a path; null = the request's origin. */
    public static PublicUrl of(String value) {
        if (value == null || value.isBlank()) {
            return new PublicUrl(null);
        }
        String url = value.strip();
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getQuery() != null || uri.getFragment() != null) {
                throw new IllegalArgumentException("PUBLIC_URL must be an http:// or https:// URL without query: " + url);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("PUBLIC_URL is not a URL: " + url, e);
        }
        return new PublicUrl(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    /** The base for this request: {@code PUBLIC_URL}, or the scheme and host the request was sent to. */
    public String base(RoutingContext rc) {
        if (configured != null) {
            return configured;
        }
        String host = rc.request().authority() == null ? "localhost" : rc.request().authority().toString();
        return rc.request().scheme() + "://" + host;
    }

    /** A ticket's tracking link for this request. */
    public String trackUrl(RoutingContext rc, String trackingCode) {
        return TrackLink.of(base(rc), trackingCode).url();
    }

    @Override
    public String toString() {
        return configured == null ? "request origin" : configured;
    }
}
