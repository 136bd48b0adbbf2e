package id.antrean.print;

import id.antrean.profile.Letterhead;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperExportManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperPrintManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.util.JRLoader;

/**
 * Renders tickets with the templates compiled at build time ({@code print/ticket-58.jasper},
 * {@code print/ticket-80.jasper}): as PDF, or as a raster image for ESC/POS printers. Blocking and
 * CPU-bound: call it from a worker thread, never the event loop.
 */
public final class TicketRenderer {
    /** Roll widths in millimetres. */
    public enum Width {
        MM58(58), MM80(80);

        private final int mm;

        Width(int mm) {
            this.mm = mm;
        }

        public int mm() {
            return mm;
        }

        public static Width of(int mm) {
            return switch (mm) {
                case 58 -> MM58;
                case 80 -> MM80;
                default -> throw new IllegalArgumentException("width must be 58 or 80 mm");
            };
        }
    }

    /**
     * Read on first use, on the worker that renders: reading them took half a second of the server's start, before
     * {@code /health} (issue #18). The node reads them right after its start with {@link #prepare()}.
     */
    private final Map<Width, JasperReport> templates = new ConcurrentHashMap<>();

    /** Reads every template now (blocking): after start, on a worker, so that the first ticket does not wait. */
    public void prepare() {
        for (Width width : Width.values()) {
            template(width);
        }
    }

    /** The widths whose template has been read. */
    Set<Width> loaded() {
        return Set.copyOf(templates.keySet());
    }

    private JasperReport template(Width width) {
        return templates.computeIfAbsent(width, w -> load("print/ticket-" + w.mm() + ".jasper"));
    }

    public byte[] pdf(TicketDocument ticket, Width width) {
        try {
            return JasperExportManager.exportReportToPdf(fill(ticket, width));
        } catch (JRException e) {
            throw new IllegalStateException("ticket could not be rendered", e);
        }
    }

    /** The ticket as an image at {@code zoom} × 72 dpi (e.g. 203 dpi thermal heads: zoom 2.82). */
    public BufferedImage image(TicketDocument ticket, Width width, float zoom) {
        try {
            return (BufferedImage) JasperPrintManager.printPageToImage(fill(ticket, width), 0, zoom);
        } catch (JRException e) {
            throw new IllegalStateException("ticket could not be rendered", e);
        }
    }

    private JasperPrint fill(TicketDocument t, Width width) throws JRException {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("logo", Letterhead.image(t.logo()));
        parameters.put("facilityName", t.facilityName());
        parameters.put("labelTitle", t.labelTitle());
        parameters.put("label", t.label());
        parameters.put("priorityText", t.priorityText());
        parameters.put("serviceName", t.serviceName());
        parameters.put("payerText", t.payerText());
        parameters.put("bookingText", t.bookingText());
        parameters.put("dateText", t.dateText());
        parameters.put("aheadText", t.aheadText());
        parameters.put("waitText", t.waitText());
        parameters.put("qr", QrCodes.image(t.code()));
        parameters.put("qrCaption", t.qrCaption());
        parameters.put("bookFromHome", t.bookFromHome());
        parameters.put("facilityFooter", t.facilityFooter());
        return JasperFillManager.fillReport(template(width), parameters, new JREmptyDataSource(1));
    }


    private static JasperReport load(String resource) {
        try (InputStream in = TicketRenderer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing: templates are compiled at build time");
            }
            return (JasperReport) JRLoader.loadObject(in);
        } catch (IOException | JRException e) {
            throw new IllegalStateException("cannot load " + resource, e);
        }
    }
}
