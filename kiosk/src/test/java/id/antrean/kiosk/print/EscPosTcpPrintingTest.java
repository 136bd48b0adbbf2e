package id.antrean.kiosk.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EscPosTcpPrintingTest {
    /** Long enough that only a broken client would move on before the fake printer answers. */
    private static final EscPosTimeouts PATIENT = new EscPosTimeouts(
            Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(5));
    private static final Duration QUIET_WINDOW = Duration.ofMillis(250);
    private static final Duration SESSION_WAIT = Duration.ofSeconds(10);

    @Test
    void an80mmTicketReachesThePrinterAsA576DotRasterWhoseQrScansBackAndIsCut() throws Exception {
        byte[] pdf = TicketPdfs.ticket80mm();
        try (FakeEscPosPrinter fake = FakeEscPosPrinter.answering(FakeEscPosPrinter.PAPER_PRESENT, QUIET_WINDOW)) {
            TicketPrinter printer = printerFor(fake, PaperWidth.MM_80, PATIENT);

            PrintResult result = printer.print(pdf, "123-A-012");

            assertThat(result.isPrinted()).as(result.toString()).isTrue();
            FakeEscPosPrinter.Session session = fake.nextSession(SESSION_WAIT);
            assertThat(session.startsWithStatusRequest()).isTrue();
            assertThat(session.bytesBeforeAnswer()).as("bytes sent before the printer answered").isEmpty();
            assertThat(session.answered()).isTrue();
            assertThat(session.afterStatusRequest()).isEqualTo(EscPosRaster.fromPdf(pdf, 576));
            List<EscPosStream.Command> job = EscPosStream.parse(session.afterStatusRequest());
            assertThat(job.getFirst()).isEqualTo(new EscPosStream.Initialize());
            assertThat(job.getLast()).isEqualTo(new EscPosStream.Cut(66, 0));
            MonoRaster printed = EscPosStream.printedImage(job);
            assertThat(printed.width()).isEqualTo(576);
            assertThat(QrCodes.decode(printed)).isEqualTo("ANTREAN:pkm-demo:123:A-012");
        }
    }

    @Test
    void a58mmTicketReachesThePrinterAsA384DotRasterWhoseQrScansBackAndIsCut() throws Exception {
        try (FakeEscPosPrinter fake = FakeEscPosPrinter.answering(FakeEscPosPrinter.PAPER_PRESENT, QUIET_WINDOW)) {
            TicketPrinter printer = printerFor(fake, PaperWidth.MM_58, PATIENT);

            PrintResult result = printer.print(TicketPdfs.ticket58mm(), "123-A-012");

            assertThat(result.isPrinted()).as(result.toString()).isTrue();
            FakeEscPosPrinter.Session session = fake.nextSession(SESSION_WAIT);
            assertThat(session.bytesBeforeAnswer()).isEmpty();
            List<EscPosStream.Command> job = EscPosStream.parse(session.afterStatusRequest());
            assertThat(job.getLast()).isEqualTo(new EscPosStream.Cut(66, 0));
            MonoRaster printed = EscPosStream.printedImage(job);
            assertThat(printed.width()).isEqualTo(384);
            assertThat(QrCodes.decode(printed)).isEqualTo(TicketPdfs.QR_PAYLOAD);
        }
    }

    @Test
    void aPrinterThatNeverAnswersTheStatusRequestStillPrintsButOnlyAfterTheWait() throws Exception {
        // The client waits well beyond the fake's quiet window, so a busy test machine cannot blur the two.
        EscPosTimeouts shortStatusWait = new EscPosTimeouts(
                Duration.ofSeconds(5), QUIET_WINDOW.multipliedBy(6), Duration.ofSeconds(10), Duration.ofSeconds(5));
        try (FakeEscPosPrinter fake = FakeEscPosPrinter.silent(QUIET_WINDOW)) {
            TicketPrinter printer = printerFor(fake, PaperWidth.MM_80, shortStatusWait);

            PrintResult result = printer.print(TicketPdfs.ticket80mm(), "123-A-012");

            assertThat(result.isPrinted()).as(result.toString()).isTrue();
            FakeEscPosPrinter.Session session = fake.nextSession(SESSION_WAIT);
            assertThat(session.answered()).isFalse();
            assertThat(session.bytesBeforeAnswer()).as("bytes sent while the status wait was running").isEmpty();
            assertThat(EscPosStream.parse(session.afterStatusRequest()).getLast()).isEqualTo(new EscPosStream.Cut(66, 0));
        }
    }

    @Test
    void aPrinterReportingPaperEndGetsNothingToPrintAndThePatientIsToldPaperIsOut() throws Exception {
        try (FakeEscPosPrinter fake = FakeEscPosPrinter.answering(FakeEscPosPrinter.PAPER_END, QUIET_WINDOW)) {
            TicketPrinter printer = printerFor(fake, PaperWidth.MM_80, PATIENT);

            PrintResult result = printer.print(TicketPdfs.ticket80mm(), "123-A-012");

            assertThat(result.isPrinted()).isFalse();
            PrinterProblem problem = result.problem().orElseThrow();
            assertThat(problem.kind()).isEqualTo(PrinterProblem.Kind.OUT_OF_PAPER);
            assertThat(problem.patientMessage(PrintMessages.INDONESIAN)).isEqualTo(
                    "Kertas printer habis. Silakan ambil nomor di loket pendaftaran.");
            FakeEscPosPrinter.Session session = fake.nextSession(SESSION_WAIT);
            assertThat(session.startsWithStatusRequest()).isTrue();
            assertThat(session.afterStatusRequest()).as("bytes sent to a printer without paper").isEmpty();
            assertThat(printer.status().state()).isEqualTo(PrinterStatus.State.OUT_OF_PAPER);
        }
    }

    @Test
    void aPrinterReportingPaperNearEndStillPrintsAndShowsPaperLow() throws Exception {
        try (FakeEscPosPrinter fake = FakeEscPosPrinter.answering(FakeEscPosPrinter.PAPER_NEAR_END, QUIET_WINDOW)) {
            TicketPrinter printer = printerFor(fake, PaperWidth.MM_58, PATIENT);

            PrintResult result = printer.print(TicketPdfs.ticket58mm(), "123-A-012");

            assertThat(result.isPrinted()).as(result.toString()).isTrue();
            assertThat(fake.nextSession(SESSION_WAIT).afterStatusRequest()).isNotEmpty();
            assertThat(printer.status().state()).isEqualTo(PrinterStatus.State.PAPER_LOW);
        }
    }

    @Test
    void anAnswerThatIsNotAPaperStatusDoesNotStopPrinting() throws Exception {
        try (FakeEscPosPrinter fake = FakeEscPosPrinter.answering(0xFF, QUIET_WINDOW)) {
            TicketPrinter printer = printerFor(fake, PaperWidth.MM_58, PATIENT);

            PrintResult result = printer.print(TicketPdfs.ticket58mm(), "123-A-012");

            assertThat(result.isPrinted()).as(result.toString()).isTrue();
            assertThat(fake.nextSession(SESSION_WAIT).afterStatusRequest()).isNotEmpty();
        }
    }

    @Test
    void statusAsksThePaperSensorAndSendsNothingElse() throws Exception {
        try (FakeEscPosPrinter fake = FakeEscPosPrinter.answering(FakeEscPosPrinter.PAPER_PRESENT, Duration.ofMillis(1))) {
            TicketPrinter printer = printerFor(fake, PaperWidth.MM_80, PATIENT);

            PrinterStatus status = printer.status();

            assertThat(status.state()).isEqualTo(PrinterStatus.State.READY);
            FakeEscPosPrinter.Session session = fake.nextSession(SESSION_WAIT);
            assertThat(session.received()).isEqualTo(EscPosCommands.PAPER_STATUS_REQUEST);
        }
    }

    @Test
    void statusWhilePrintingAnswersAtOnceFromMemoryWithoutASecondConnection() throws Exception {
        Duration slowAnswer = Duration.ofSeconds(1);
        try (FakeEscPosPrinter fake = FakeEscPosPrinter.answering(FakeEscPosPrinter.PAPER_PRESENT, slowAnswer)) {
            TicketPrinter printer = printerFor(fake, PaperWidth.MM_80, PATIENT);
            CompletableFuture<PrintResult> printing =
                    CompletableFuture.supplyAsync(() -> printer.print(TicketPdfs.ticket80mm(), "123-A-012"));
            fake.awaitStatusRequest(Duration.ofSeconds(10));

            long start = System.nanoTime();
            PrinterStatus status = printer.status();
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(took).isLessThan(slowAnswer);
            assertThat(status.state()).isEqualTo(PrinterStatus.State.UNKNOWN);
            assertThat(printing.get(20, TimeUnit.SECONDS).isPrinted()).isTrue();
            assertThat(fake.nextSession(SESSION_WAIT).afterStatusRequest()).isNotEmpty();
            assertThat(fake.finishedSessions()).as("connections besides the print job").isZero();
            assertThat(printer.status().state()).isEqualTo(PrinterStatus.State.READY);
        }
    }

    @Test
    void nobodyListeningIsReportedAsUnreachableWellWithinTheConnectTimeout() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        TcpEscPosTransport transport = new TcpEscPosTransport(
                InetAddress.getLoopbackAddress().getHostAddress(), closedPort, EscPosTimeouts.DEFAULT);
        TicketPrinter printer = new EscPosTicketPrinter(transport, PaperWidth.MM_80);

        PrintResult result = printer.print(TicketPdfs.ticket80mm(), "123-A-012");
        Duration took = timeToFailOpening(transport);

        assertThat(result.problem()).get().extracting(PrinterProblem::kind).isEqualTo(PrinterProblem.Kind.UNREACHABLE);
        assertThat(result.problem().orElseThrow().patientMessage(Locale.ENGLISH))
                .isEqualTo("The printer can't be reached right now. Please get your number at the registration desk.");
        assertThat(took).isLessThan(EscPosTimeouts.DEFAULT.connect());
        assertThat(printer.status().state()).isEqualTo(PrinterStatus.State.UNREACHABLE);
    }

    @Test
    void aPrinterThatDoesNotCompleteTheConnectionIsUnreachableAfterTheConnectTimeout() throws IOException {
        // A listening socket that never accepts: once its backlog is full, Linux drops new SYNs, so connecting
        // hangs exactly like a printer that is switched off behind a switch.
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> fillers = new ArrayList<>();
            try {
                boolean hangs = fillBacklog(full, fillers);
                assumeThat(hangs).as("this OS completes connections beyond the backlog").isTrue();
                Duration connectTimeout = Duration.ofMillis(400);
                TcpEscPosTransport transport = new TcpEscPosTransport(
                        InetAddress.getLoopbackAddress().getHostAddress(), full.getLocalPort(),
                        new EscPosTimeouts(connectTimeout, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(1)));
                TicketPrinter printer = new EscPosTicketPrinter(transport, PaperWidth.MM_80);

                PrintResult result = printer.print(TicketPdfs.ticket80mm(), "123-A-012");
                Duration took = timeToFailOpening(transport);

                assertThat(result.problem()).get().extracting(PrinterProblem::kind).isEqualTo(PrinterProblem.Kind.UNREACHABLE);
                assertThat(result.problem().orElseThrow().detail()).contains("within 400 ms");
                assertThat(took).isBetween(connectTimeout, Duration.ofSeconds(4));
            } finally {
                for (Socket filler : fillers) {
                    filler.close();
                }
            }
        }
    }

    @Test
    void aPrinterThatStopsReadingFailsTheJobWhenTheSendDeadlinePasses() throws Exception {
        try (FakeEscPosPrinter fake = FakeEscPosPrinter.stalled()) {
            Duration sendTimeout = Duration.ofMillis(500);
            TcpEscPosTransport transport = new TcpEscPosTransport(fake.host(), fake.port(),
                    new EscPosTimeouts(Duration.ofSeconds(5), Duration.ofMillis(100), sendTimeout, Duration.ofMillis(100)));
            byte[] moreThanAnySocketBuffer = new byte[64 * 1024 * 1024];

            long start = System.nanoTime();
            PrinterProblem problem;
            try (EscPosLink link = transport.open()) {
                link.send(moreThanAnySocketBuffer);
                throw new AssertionError("64 MiB went into a printer that reads nothing");
            } catch (PrinterProblemException e) {
                problem = e.problem();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(problem.kind()).isEqualTo(PrinterProblem.Kind.FAILED);
            assertThat(problem.detail()).contains("stopped taking data");
            assertThat(took).isBetween(sendTimeout, Duration.ofSeconds(5));
        }
    }

    @Test
    void anUnknownHostIsUnreachable() {
        TicketPrinter printer = new EscPosTicketPrinter(
                new TcpEscPosTransport("printer.invalid", 9100, EscPosTimeouts.DEFAULT), PaperWidth.MM_58);

        PrintResult result = printer.print(TicketPdfs.ticket58mm(), "123-A-012");

        assertThat(result.problem()).get().extracting(PrinterProblem::kind).isEqualTo(PrinterProblem.Kind.UNREACHABLE);
        assertThat(result.problem().orElseThrow().detail()).contains("printer.invalid");
    }

    @Test
    void aTicketThatCannotBeRenderedFailsWithoutContactingThePrinter() {
        CountingTransport transport = new CountingTransport();
        TicketPrinter printer = new EscPosTicketPrinter(transport, PaperWidth.MM_80);

        PrintResult result = printer.print("not a pdf".getBytes(java.nio.charset.StandardCharsets.US_ASCII), "123-A-012");

        assertThat(result.problem()).get().extracting(PrinterProblem::kind).isEqualTo(PrinterProblem.Kind.FAILED);
        assertThat(transport.opened).isZero();
    }

    @Test
    void describeNamesTheProtocolAddressAndPaper() {
        TicketPrinter printer = new EscPosTicketPrinter(
                new TcpEscPosTransport("10.0.0.5", 9100, EscPosTimeouts.DEFAULT), PaperWidth.MM_58);

        assertThat(printer.describe()).isEqualTo("ESC/POS tcp://10.0.0.5:9100 (58 mm)");
    }

    private static TicketPrinter printerFor(FakeEscPosPrinter fake, PaperWidth width, EscPosTimeouts timeouts) {
        return new EscPosTicketPrinter(new TcpEscPosTransport(fake.host(), fake.port(), timeouts), width);
    }

    /** How long opening takes to fail, without the ticket rendering that precedes it in print(). */
    private static Duration timeToFailOpening(EscPosTransport transport) {
        long start = System.nanoTime();
        try (EscPosLink link = transport.open()) {
            throw new AssertionError("connected to " + transport.describe() + " although nobody should answer");
        } catch (PrinterProblemException e) {
            assertThat(e.problem().kind()).isEqualTo(PrinterProblem.Kind.UNREACHABLE);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Connects until one connection attempt hangs; true when it did within a few tries. */
    private static boolean fillBacklog(ServerSocket server, List<Socket> fillers) throws IOException {
        for (int i = 0; i < 16; i++) {
            Socket socket = new Socket();
            fillers.add(socket);
            try {
                socket.connect(new InetSocketAddress(server.getInetAddress(), server.getLocalPort()), 200);
            } catch (SocketTimeoutException e) {
                return true;
            }
        }
        return false;
    }

    private static final class CountingTransport implements EscPosTransport {
        int opened;

        @Override
        public EscPosLink open() throws PrinterProblemException {
            opened++;
            throw new PrinterProblemException(PrinterProblem.Kind.UNREACHABLE, "counting only");
        }

        @Override
        public String describe() {
            return "counting";
        }
    }
}
