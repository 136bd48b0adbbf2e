package id.antrean.eligibility;

import id.antrean.web.ApiRouter;
import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;

/**
 * Receives a roster upload into a temporary file as it arrives, so a 16 MB file never sits in memory (and many
 * at once do not add up); 413 beyond the limit. The request must be paused until then, so no chunk is lost.
 */
public final class RosterUpload {
    /** A roster of a large puskesmas: tens of thousands of rows, with room to spare. */
    public static final long LIMIT_BYTES = 16 * 1024 * 1024;

    private RosterUpload() {
    }

    /** The uploaded file; the caller deletes it (see {@link #delete}). */
    public static Future<Path> receive(Vertx vertx, HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        if (length != null && length.strip().matches("[0-9]{1,18}") && Long.parseLong(length.strip()) > LIMIT_BYTES) {
            return Future.failedFuture(tooLarge(request));
        }
        return vertx.fileSystem().createTempFile("antrean-roster-", ".csv").compose(path ->
                vertx.fileSystem().open(path, new OpenOptions().setWrite(true).setTruncateExisting(true))
                        .compose(file -> copy(request, file)
                                .compose(v -> Future.succeededFuture(Path.of(path)),
                                        e -> vertx.fileSystem().delete(path).transform(d -> Future.failedFuture(e)))));
    }

    /**
     * 413, and the connection is not kept: the rest of the body is read past only up to the limit (see
     * {@link #discardRest}), so the client must not send its next request on it.
     */
    private static Problem tooLarge(HttpServerRequest request) {
        if (!request.response().headWritten()) {
            request.response().putHeader("Connection", "close");
        }
        return Problem.of(ErrorCode.PAYLOAD_TOO_LARGE);
    }

    /** Removes a received file; a failure to do so is not the client's problem. */
    public static Future<Void> delete(Vertx vertx, Path file) {
        return vertx.fileSystem().delete(file.toString()).otherwiseEmpty();
    }

    /**
     * Reads past what is left of a body nobody wants (the request was answered before it was read): closing at
     * once would reset the connection under the answer. Beyond the limit the connection is closed all the same.
     */
    public static void discardRest(HttpServerRequest request) {
        long[] discarded = {0};
        request.exceptionHandler(e -> { });
        request.handler(chunk -> {
            discarded[0] += chunk.length();
            if (discarded[0] > LIMIT_BYTES) {
                request.connection().close();
            }
        });
        request.resume();
    }

    /** Writes the body to the file with back-pressure, counting bytes; the file is closed whatever happens. */
    private static Future<Void> copy(HttpServerRequest request, AsyncFile file) {
        Promise<Void> done = Promise.promise();
        long[] received = {0};
        request.handler(chunk -> {
            if (done.future().isComplete()) {
                return; // over the limit already: the rest is read past, the connection closes after the answer
            }
            received[0] += chunk.length();
            if (received[0] > LIMIT_BYTES) {
                done.tryFail(tooLarge(request));
                return;
            }
            file.write(chunk);
            if (file.writeQueueFull()) {
                request.pause();
                file.drainHandler(v -> request.resume());
            }
        });
        request.exceptionHandler(done::tryFail);
        request.endHandler(v -> done.tryComplete());
        if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
            // curl asks before sending a large file, and would wait a second for this.
            request.response().writeContinue();
        }
        request.resume();
        return done.future().transform(result -> file.close().transform(closed -> result.succeeded()
                ? (closed.succeeded() ? Future.<Void>succeededFuture() : Future.<Void>failedFuture(closed.cause()))
                : Future.<Void>failedFuture(result.cause())));
    }

    /**
     * How a roster upload's request is read: paused through the access check, so that no chunk is lost before
     * {@link #receive} reads it; answered before its body was read (401, 403, 413), the rest of the body is read
     * past, so the client gets its answer and the connection its next request. A form is refused as on every route.
     */
    static void streamedBody(RoutingContext rc) {
        if (ApiRouter.isForm(rc.request().getHeader("Content-Type"))) {
            rc.fail(Problem.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE));
            return;
        }
        HttpServerRequest request = rc.request();
        request.pause();
        rc.addEndHandler(ended -> {
            if (!request.isEnded()) {
                discardRest(request);
            }
        });
        rc.next();
    }
}
