package id.antrean.kiosk.print;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * Raw ESC/POS to a USB or parallel printer's device file, e.g. {@code /dev/usb/lp0}.
 *
 * <p>The file is opened without CREATE: when the printer is unplugged its device node disappears, and creating a
 * plain file in its place would swallow every ticket silently. APPEND keeps a regular file (tests, captures)
 * growing like a printer's input stream and is ignored by devices. No status is asked: reading back from a
 * printer device blocks for ever on many drivers.
 */
final class DeviceFileEscPosTransport implements EscPosTransport {
    private final Path device;
    private final Duration sendTimeout;

    DeviceFileEscPosTransport(Path device, Duration sendTimeout) {
        this.device = device;
        this.sendTimeout = sendTimeout;
    }

    @Override
    public EscPosLink open() throws PrinterProblemException {
        try {
            FileChannel channel = FileChannel.open(device, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            return new DeviceLink(channel);
        } catch (NoSuchFileException e) {
            throw new PrinterProblemException(PrinterProblem.Kind.PRINTER_NOT_FOUND,
                    device + " does not exist (printer unplugged or switched off?)", e);
        } catch (AccessDeniedException e) {
            throw new PrinterProblemException(PrinterProblem.Kind.FAILED,
                    "no permission to write to " + device + " (is the kiosk user in the printer's group, e.g. lp?)", e);
        } catch (IOException e) {
            throw new PrinterProblemException(PrinterProblem.Kind.FAILED, "cannot open " + device + " for writing: " + e, e);
        }
    }

    @Override
    public String describe() {
        return "file " + device;
    }

    private final class DeviceLink implements EscPosLink {
        private final FileChannel channel;

        DeviceLink(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public OptionalInt askPaperStatus() {
            return OptionalInt.empty();
        }

        @Override
        public void send(byte[] job) throws PrinterProblemException {
            try (SendDeadline deadline = SendDeadline.closeAfter(sendTimeout, channel)) {
                try {
                    ByteBuffer buffer = ByteBuffer.wrap(job);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                } catch (IOException e) {
                    if (deadline.expired()) {
                        throw new PrinterProblemException(PrinterProblem.Kind.FAILED, device + " stopped taking data for "
                                + sendTimeout.toMillis() + " ms (paper out, cover open or offline?)", e);
                    }
                    if (isPaperOutFromDriver(e)) {
                        throw new PrinterProblemException(PrinterProblem.Kind.OUT_OF_PAPER,
                                "the printer driver reports paper out on " + device + ": " + e.getMessage(), e);
                    }
                    throw new PrinterProblemException(PrinterProblem.Kind.FAILED, "writing to " + device + " failed: " + e, e);
                }
            }
        }

        /** Linux's usblp driver fails writes with ENOSPC when the printer signals paper out. */
        private boolean isPaperOutFromDriver(IOException e) {
            return e.getMessage() != null && e.getMessage().contains("No space left on device")
                    && !Files.isRegularFile(device);
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // The job has been written or given up already.
            }
        }
    }
}
