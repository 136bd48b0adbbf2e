package id.antrean.kiosk.print;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A network ESC/POS printer on loopback, one connection at a time like the real ones. It records every byte of
 * every connection. When a connection starts with {@code DLE EOT 4}, it first listens for a "quiet window"
 * (recording anything that arrives: a well-behaved client sends nothing until it has its answer or gave up),
 * then answers with the configured status byte, or stays silent like many cheap printers.
 */
final class FakeEscPosPrinter implements AutoCloseable {
    /** 0x12: the fixed bits of a DLE EOT answer and nothing else: paper present. */
    static final int PAPER_PRESENT = 0x12;
    static final int PAPER_NEAR_END = 0x12 | 0x0C;
    static final int PAPER_END = 0x12 | 0x60;

    private static final Duration READ_LIMIT = Duration.ofSeconds(15);

    private final ServerSocket server;
    private final Integer statusReply;
    private final Duration quietWindow;
    private final boolean readsData;
    private final BlockingQueue<Session> sessions = new LinkedBlockingQueue<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final CountDownLatch statusRequested = new CountDownLatch(1);
    private final Thread acceptor;

    /**
     * One connection as the printer saw it.
     *
     * @param received           every byte, in order
     * @param bytesBeforeAnswer  what arrived after the status request and before the printer answered or the
     *                           quiet window ended; empty for a client that waits
     * @param answered           whether a status byte was sent back
     */
    record Session(byte[] received, byte[] bytesBeforeAnswer, boolean answered) {
        boolean startsWithStatusRequest() {
            return received.length >= 3 && Arrays.equals(Arrays.copyOf(received, 3), EscPosCommands.PAPER_STATUS_REQUEST);
        }

        /** The job: everything after the status request. */
        byte[] afterStatusRequest() {
            return startsWithStatusRequest() ? Arrays.copyOfRange(received, 3, received.length) : received;
        }
    }

    private FakeEscPosPrinter(Integer statusReply, Duration quietWindow, boolean readsData) throws IOException {
        this.statusReply = statusReply;
        this.quietWindow = quietWindow;
        this.readsData = readsData;
        this.server = new ServerSocket();
        if (!readsData) {
            // Small buffers so that a printer that stops reading pushes back on the sender quickly.
            server.setReceiveBufferSize(4096);
        }
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.acceptor = Thread.ofPlatform().daemon().name("fake-escpos-printer").start(this::acceptLoop);
    }

    /** Answers DLE EOT 4 with {@code statusByte} after listening for {@code quietWindow}. */
    static FakeEscPosPrinter answering(int statusByte, Duration quietWindow) throws IOException {
        return new FakeEscPosPrinter(statusByte, quietWindow, true);
    }

    /** Never answers DLE EOT 4; listens for {@code quietWindow} before taking the job. */
    static FakeEscPosPrinter silent(Duration quietWindow) throws IOException {
        return new FakeEscPosPrinter(null, quietWindow, true);
    }

    /** Accepts connections and never reads a byte: a printer with its cover open or paper jammed. */
    static FakeEscPosPrinter stalled() throws IOException {
        return new FakeEscPosPrinter(null, Duration.ofMillis(1), false);
    }

    int port() {
        return server.getLocalPort();
    }

    String host() {
        return InetAddress.getLoopbackAddress().getHostAddress();
    }

    /** The next finished connection (the client closed it), waiting at most {@code timeout}. */
    Session nextSession(Duration timeout) throws InterruptedException {
        Session session = sessions.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (session == null) {
            throw new AssertionError("the fake printer saw no finished connection within " + timeout);
        }
        return session;
    }

    /** Waits until a client has sent its first status request (the printer is now busy with that connection). */
    void awaitStatusRequest(Duration timeout) throws InterruptedException {
        if (!statusRequested.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("no status request within " + timeout);
        }
    }

    /** Connections finished so far and not yet taken with {@link #nextSession}. */
    int finishedSessions() {
        return sessions.size();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                if (readsData) {
                    try (socket) {
                        sessions.add(serve(socket));
                    } finally {
                        open.remove(socket);
                    }
                }
            } catch (IOException e) {
                // Closed by close(), or a client that vanished: the test's assertions will tell.
            }
        }
    }

    private Session serve(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        socket.setSoTimeout((int) READ_LIMIT.toMillis());
        byte[] head = in.readNBytes(3);
        received.writeBytes(head);
        byte[] beforeAnswer = new byte[0];
        boolean answered = false;
        if (Arrays.equals(head, EscPosCommands.PAPER_STATUS_REQUEST)) {
            statusRequested.countDown();
            beforeAnswer = readFor(socket, in, quietWindow);
            received.writeBytes(beforeAnswer);
            if (statusReply != null) {
                socket.getOutputStream().write(statusReply);
                socket.getOutputStream().flush();
                answered = true;
            }
        }
        socket.setSoTimeout((int) READ_LIMIT.toMillis());
        received.writeBytes(in.readAllBytes());
        return new Session(received.toByteArray(), beforeAnswer, answered);
    }

    /** Whatever arrives within {@code window} (less if the client closes first). */
    private static byte[] readFor(Socket socket, InputStream in, Duration window) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + window.toNanos();
        byte[] buffer = new byte[4096];
        while (true) {
            long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (leftMillis <= 0) {
                return got.toByteArray();
            }
            socket.setSoTimeout((int) leftMillis);
            try {
                int n = in.read(buffer);
                if (n < 0) {
                    return got.toByteArray();
                }
                got.write(buffer, 0, n);
            } catch (SocketTimeoutException e) {
                return got.toByteArray();
            }
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
        acceptor.join(Duration.ofSeconds(5).toMillis());
    }
}
