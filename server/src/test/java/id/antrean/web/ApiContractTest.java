package id.antrean.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.RequestValidator;
import io.vertx.openapi.validation.ValidatableRequest;
import io.vertx.openapi.validation.impl.RequestParameterImpl;
import io.vertx.openapi.validation.impl.ValidatableRequestImpl;
import java.util.HashMap;
import java.util.Map;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract is read, parsed and resolved once per node, off the event loops, and shared by every HTTP instance:
 * each instance used to do it again on its own event loop, blocking both of them for seconds at start (issue #18).
 */
class ApiContractTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close().await();
    }

    @Test
    void loadsEveryOperationAndTheTextServedAsTheContract() throws IOException {
        ApiContract contract = ApiContract.load(vertx).await();

        assertThat(contract.openApi().operations()).isNotEmpty();
        assertThat(contract.openApi().operation("issueTicket")).isNotNull();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ApiRouter.CONTRACT)) {
            assertThat(contract.text().getBytes()).isEqualTo(in.readAllBytes());
        }
    }

    @Test
    void everyRequestValidatorIsMadeBeforeTheContractIsSharedSoValidatingMakesNone() {
        CachedValidatorsContract contract = (CachedValidatorsContract) ApiContract.load(vertx).await().openApi();
        int made = contract.validators();

        RequestValidator.create(vertx, contract).validate(request(Map.of("facility", "pkm-demo"),
                new JsonObject().put("service", "UMUM").put("payer", "JKN")), "issueTicket").otherwiseEmpty().await();
        RequestValidator.create(vertx, contract).validate(request(Map.of("facility", "pkm-demo"),
                new JsonObject().put("service", 7)), "issueTicket").otherwiseEmpty().await();

        assertThat(made).isPositive();
        assertThat(contract.validators()).isEqualTo(made);
    }

    private static ValidatableRequest request(Map<String, String> path, JsonObject body) {
        Map<String, RequestParameter> pathParameters = new HashMap<>();
        path.forEach((name, value) -> pathParameters.put(name, new RequestParameterImpl(value)));
        return new ValidatableRequestImpl(Map.of(), Map.of(), pathParameters, Map.of(), new RequestParameterImpl(body),
                "application/json");
    }

    @Test
    void readsAndParsesTheYamlOnAWorkerNotOnAnEventLoop() {
        List<String> threads = new ArrayList<>();

        ApiContract.load(vertx, threads::add).await();

        assertThat(threads).isNotEmpty().allSatisfy(thread -> assertThat(thread).doesNotContain("eventloop"));
    }
}
