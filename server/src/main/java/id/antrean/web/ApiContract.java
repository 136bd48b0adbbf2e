package id.antrean.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The API contract ({@link ApiRouter#CONTRACT}) as the node serves it: parsed and resolved once, then shared by
 * every HTTP instance. Building it is seconds of CPU on a cold, loaded JVM (YAML, the OpenAPI meta-schema, the
 * contract's validation and dereferencing); each instance used to build its own on its event loop, blocking the
 * loops at start (issue #18). Its request validators are all made here, before it is shared: afterwards the
 * instances on their event loops only read it ({@link CachedValidatorsContract}).
 *
 * @param openApi the resolved contract, with one validator per schema for the node's life
 * @param text    the contract as written, served at {@code /api/v1/openapi.yaml}
 */
public record ApiContract(OpenAPIContract openApi, Buffer text) {

    /** Reads and parses the contract on a worker; vertx-openapi validates and resolves it on workers too. */
    public static Future<ApiContract> load(Vertx vertx) {
        return load(vertx, thread -> {
        });
    }

    /** As {@link #load(Vertx)}, telling {@code parsedOn} the name of the thread that parsed the YAML. */
    static Future<ApiContract> load(Vertx vertx, Consumer<String> parsedOn) {
        return vertx.executeBlocking(() -> {
            parsedOn.accept(Thread.currentThread().getName());
            Buffer text = Buffer.buffer(read());
            // The parser vertx-openapi uses for a contract path, so the JSON is the same as OpenAPIContract.from(path).
            // It completes at once: joined here so that no event loop continues with it.
            JsonObject json = io.vertx.openapi.impl.Utils.yamlStringToJson(text.toString(StandardCharsets.UTF_8))
                    .toCompletionStage().toCompletableFuture().join();
            return new Parsed(text, json);
        }).compose(parsed -> OpenAPIContract.from(vertx, parsed.json())
                .compose(contract -> vertx.executeBlocking(() -> new ApiContract(
                        new CachedValidatorsContract(contract).prepareRequestValidators(), parsed.text()))));
    }

    private record Parsed(Buffer text, JsonObject json) {
    }

    private static byte[] read() {
        try (InputStream in = ApiContract.class.getClassLoader().getResourceAsStream(ApiRouter.CONTRACT)) {
            if (in == null) {
                throw new IllegalStateException(ApiRouter.CONTRACT + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
