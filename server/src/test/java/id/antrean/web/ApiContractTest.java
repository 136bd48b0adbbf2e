package id.antrean.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
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
    void readsAndParsesTheYamlOnAWorkerNotOnAnEventLoop() {
        List<String> threads = new ArrayList<>();

        ApiContract.load(vertx, threads::add).await();

        assertThat(threads).isNotEmpty().allSatisfy(thread -> assertThat(thread).doesNotContain("eventloop"));
    }
}
