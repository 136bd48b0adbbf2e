package id.antrean.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A plain socket to the server, for what an HTTP client library will not send: broken chunks, bad escapes,
 * a request head that never ends.
 */
public final class RawHttp implements AutoCloseable {
    private final Socket socket;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private boolean closedByServer;

    private RawHttp(Socket socket) {
        this.socket = socket;
    }

    public static RawHttp connect(int port) {
        return connectFrom(port, "127.0.0.1");
    }

    /** A connection from another loopback address (127.0.0.2, …): the server sees another client. */
    public static RawHttp connectFrom(int port, String localAddress) {
        try {
            return new RawHttp(new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(localAddress), 0));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public RawHttp send(String text) {
        try {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return this;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Everything the server sends until it closes the connection; an error if it is still open at the deadline. */
    public String readUntilClosed(Duration deadline) {
        String text = readFor(deadline, true);
        if (!closedByServer) {
            throw new AssertionError("still open after " + deadline + "; received: " + text);
        }
        return text;
    }

    /** Whether the server closed the connection within the deadline, ignoring whatever it sent. */
    public boolean closedWithin(Duration deadline) {
        readFor(deadline, true);
        return closedByServer;
    }

    /** Reads for this long (or until the server closes); everything received so far. */
    public String readFor(Duration wait) {
        return readFor(wait, false);
    }

    public boolean closedByServer() {
        return closedByServer;
    }

    private String readFor(Duration wait, boolean stopWhenClosed) {
        long end = System.nanoTime() + wait.toNanos();
        try {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            while (!closedByServer) {
                long left = (end - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    break;
                }
                socket.setSoTimeout((int) Math.min(left, Integer.MAX_VALUE));
                int n;
                try {
                    n = in.read(buffer);
                } catch (SocketTimeoutException e) {
                    continue;
                } catch (IOException e) {
                    n = -1; // reset by the server: closed too
                }
                if (n < 0) {
                    closedByServer = true;
                } else {
                    received.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
