package id.antrean.kiosk.print;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads back an ESC/POS byte stream the way a printer would, for the commands the kiosk sends. Anything else is
 * an error: a stray byte would be printed as garbage by a real printer.
 */
final class EscPosStream {

    sealed interface Command permits StatusRequest, Initialize, RasterBand, FeedLines, Cut {
    }

    record StatusRequest(int n) implements Command {
    }

    record Initialize() implements Command {
    }

    record RasterBand(int mode, MonoRaster raster) implements Command {
    }

    record FeedLines(int lines) implements Command {
    }

    record Cut(int mode, int feed) implements Command {
    }

    private EscPosStream() {
    }

    static List<Command> parse(byte[] bytes) {
        List<Command> commands = new ArrayList<>();
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            int next = at(bytes, i + 1);
            if (b == 0x10 && next == 0x04) {
                commands.add(new StatusRequest(at(bytes, i + 2)));
                i += 3;
            } else if (b == 0x1B && next == 0x40) {
                commands.add(new Initialize());
                i += 2;
            } else if (b == 0x1B && next == 0x64) {
                commands.add(new FeedLines(at(bytes, i + 2)));
                i += 3;
            } else if (b == 0x1D && next == 0x76 && at(bytes, i + 2) == 0x30) {
                int mode = at(bytes, i + 3);
                int widthBytes = at(bytes, i + 4) | at(bytes, i + 5) << 8;
                int height = at(bytes, i + 6) | at(bytes, i + 7) << 8;
                int start = i + 8;
                int length = widthBytes * height;
                if (start + length > bytes.length) {
                    throw new IllegalArgumentException("GS v 0 at " + i + " announces " + length + " bytes, only "
                            + (bytes.length - start) + " follow");
                }
                byte[] rows = new byte[length];
                System.arraycopy(bytes, start, rows, 0, length);
                commands.add(new RasterBand(mode, MonoRaster.ofPackedRows(widthBytes * 8, height, rows)));
                i = start + length;
            } else if (b == 0x1D && next == 0x56) {
                int mode = at(bytes, i + 2);
                if (mode == 65 || mode == 66 || mode == 97 || mode == 98 || mode == 103 || mode == 104) {
                    commands.add(new Cut(mode, at(bytes, i + 3)));
                    i += 4;
                } else {
                    commands.add(new Cut(mode, 0));
                    i += 3;
                }
            } else {
                throw new IllegalArgumentException(String.format("unexpected byte 0x%02X at offset %d", b, i));
            }
        }
        return commands;
    }

    /** All raster bands of a job, stacked: the picture the printer burns. */
    static MonoRaster printedImage(List<Command> commands) {
        List<MonoRaster> bands = commands.stream()
                .filter(RasterBand.class::isInstance)
                .map(command -> ((RasterBand) command).raster())
                .toList();
        return MonoRaster.stack(bands);
    }

    private static int at(byte[] bytes, int index) {
        if (index >= bytes.length) {
            throw new IllegalArgumentException("stream ends inside a command at offset " + index);
        }
        return bytes[index] & 0xFF;
    }
}
