package id.antrean.bpjs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import id.antrean.bpjs.simulator.BpjsSimulator;
import id.antrean.bpjs.simulator.DemoBpjs;
import id.antrean.testing.MutableClock;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulator's control routes ({@code /_sim/mode}, {@code /_sim/participants}) have no authentication: anyone
 * who reaches them can take "BPJS" down or invent participants. It listens on the loopback interface only.
 */
class SimulatorLoopbackTest {
    private static Vertx vertx;
    private static BpjsSimulator simulator;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        simulator = DemoBpjs.start(vertx, MutableClock.at("2026-11-27T01:00:00Z")).await();
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    @Test
    void itAnswersOnLoopback() {
        HttpResponse<Buffer> response = WebClient.create(vertx)
                .postAbs("http://127.0.0.1:" + simulator.port() + "/_sim/mode")
                .sendJsonObject(new JsonObject().put("mode", "UP")).await();

        assertThat(response.statusCode()).isLessThan(300);
        assertThat(simulator.pcareBaseUrl()).startsWith("http://127.0.0.1:");
        assertThat(simulator.antreanBaseUrl()).startsWith("http://127.0.0.1:");
    }

    @Test
    void itIsNotReachableOnTheMachinesOtherAddresses() throws SocketException {
        Optional<InetAddress> outside = nonLoopbackAddress();
        assumeTrue(outside.isPresent(), "this machine has no address but loopback");

        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(outside.get(), simulator.port()), 2000);
            }
        }).as("connecting to %s:%d", outside.get(), simulator.port()).isInstanceOf(IOException.class);
    }

    /** An address of an interface that is up and is not loopback (IPv4 first: it is what a LAN would use). */
    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        InetAddress found = null;
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address.isLoopbackAddress() || address.isLinkLocalAddress()) {
                    continue;
                }
                if (address instanceof java.net.Inet4Address) {
                    return Optional.of(address);
                }
                found = found == null ? address : found;
            }
        }
        return Optional.ofNullable(found);
    }
}
