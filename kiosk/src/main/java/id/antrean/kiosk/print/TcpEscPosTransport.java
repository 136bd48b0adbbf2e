package id.antrean.kiosk.print;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.OptionalInt;

/**
 * Raw ESC/POS to a network printer's port 9100. Every step is bounded: connect, status answer, sending, closing.
 *
 * <p>Closing is careful on purpose: after the job we half-close (FIN) and read until the printer closes its side.
 * Closing a socket that still has unread incoming bytes (a late status answer, automatic status messages) sends
 * a TCP reset, and a printer that gets a reset may throw away the end of the ticket it has not printed yet.
 */
final class TcpEscPosTransport implements EscPosTransport {
    private final String host;
    private final int port;
    private final EscPosTimeouts timeouts;

    TcpEscPosTransport(String host, int port, EscPosTimeouts timeouts) {
        this.host = host;
        this.port = port;
        this.timeouts = timeouts;
    }

    @Override
    public EscPosLink open() throws PrinterProblemException {
        InetSocketAddress address = new InetSocketAddress(host, port);
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(address, EscPosTimeouts.millis(timeouts.connect()));
            return new TcpLink(socket);
        } catch (UnknownHostException e) {
            closeQuietly(socket);
            throw unreachable("unknown host " + host, e);
        } catch (SocketTimeoutException e) {
            closeQuietly(socket);
            throw unreachable("no answer from " + describe() + " within " + timeouts.connect().toMillis() + " ms", e);
        } catch (ConnectException e) {
            closeQuietly(socket);
            throw unreachable("connection to " + describe() + " refused or failed: " + e.getMessage(), e);
        } catch (IOException e) {
            closeQuietly(socket);
            throw unreachable("cannot connect to " + describe() + ": " + e, e);
        }
    }

    @Override
    public String describe() {
        return "tcp://" + host + ":" + port;
    }

    private static PrinterProblemException unreachable(String detail, Throwable cause) {
        return new PrinterProblemException(PrinterProblem.Kind.UNREACHABLE, detail, cause);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing left to release.
        }
    }

    private final class TcpLink implements EscPosLink {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private boolean broken;

        TcpLink(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        @Override
        public OptionalInt askPaperStatus() throws PrinterProblemException {
            try {
                out.write(EscPosCommands.PAPER_STATUS_REQUEST);
                out.flush();
                socket.setSoTimeout(EscPosTimeouts.millis(timeouts.statusReply()));
                int answer = in.read();
                return answer < 0 ? OptionalInt.empty() : OptionalInt.of(answer);
            } catch (SocketTimeoutException e) {
                return OptionalInt.empty();
            } catch (IOException e) {
                broken = true;
                throw unreachable("connection to " + describe() + " lost while asking for its status: " + e, e);
            }
        }

        @Override
        public void send(byte[] job) throws PrinterProblemException {
            try (SendDeadline deadline = SendDeadline.closeAfter(timeouts.send(), socket)) {
                try {
                    out.write(job);
                    out.flush();
                } catch (IOException e) {
                    broken = true;
                    if (deadline.expired()) {
                        throw new PrinterProblemException(PrinterProblem.Kind.FAILED, describe()
                                + " stopped taking data for " + timeouts.send().toMillis()
                                + " ms (cover open, paper jam or offline?)", e);
                    }
                    throw new PrinterProblemException(PrinterProblem.Kind.FAILED,
                            "connection to " + describe() + " lost while sending the ticket: " + e, e);
                }
            }
        }

        @Override
        public void close() {
            try {
                if (!broken && !socket.isClosed()) {
                    socket.shutdownOutput();
                    drainUntilPrinterCloses();
                }
            } catch (IOException ignored) {
                // The job is out; a printer that resets instead of closing is not a print failure.
            } finally {
                closeQuietly(socket);
            }
        }

        private void drainUntilPrinterCloses() throws IOException {
            long deadline = System.nanoTime() + timeouts.drain().toNanos();
            byte[] sink = new byte[256];
            while (true) {
                long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
                if (leftMillis <= 0) {
                    return;
                }
                socket.setSoTimeout((int) Math.min(leftMillis, Integer.MAX_VALUE));
                try {
                    if (in.read(sink) < 0) {
                        return;
                    }
                } catch (SocketTimeoutException e) {
                    return;
                }
            }
        }
    }
}
