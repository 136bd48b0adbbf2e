package id.antrean.reports;

import id.antrean.profile.Letterhead;
import id.antrean.web.LocalizedText;
import id.antrean.web.Messages;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperExportManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.util.JRLoader;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Renders the daily and monthly reports with the template compiled at build time ({@code print/report.jasper})
 * and charts drawn with JFreeChart. Blocking and CPU-bound: call it on a worker thread.
 */
public final class ReportRenderer {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", Messages.INDONESIAN);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Messages.INDONESIAN);
    private static final DateTimeFormatter SIGNED = DateTimeFormatter.ofPattern("d MMMM yyyy", Messages.INDONESIAN);
    /** Read at the first report, on its worker: not during the server's start (issue #18). */
    private volatile JasperReport template;

    private JasperReport template() {
        JasperReport read = template;
        if (read == null) {
            // Two first reports at once may both read it: the same template, and cheaper than a lock.
            read = load();
            template = read;
        }
        return read;
    }

    private static JasperReport load() {
        try (InputStream in = ReportRenderer.class.getClassLoader().getResourceAsStream("print/report.jasper")) {
            if (in == null) {
                throw new IllegalStateException("print/report.jasper is missing: templates are compiled at build time");
            }
            return (JasperReport) JRLoader.loadObject(in);
        } catch (IOException | JRException e) {
            throw new IllegalStateException("cannot load the report template", e);
        }
    }

    /**
     * @param madeOn the facility's local day the report is made: the date above the signature
     */
    public byte[] daily(Letterhead letterhead, LocalDate day, LocalDate madeOn, JsonObject stats) {
        return render(letterhead, both("report.daily"), DAY.format(day), madeOn, stats, hourlyChart(stats), null);
    }

    public byte[] monthly(Letterhead letterhead, YearMonth month, LocalDate madeOn, JsonObject stats) {
        return render(letterhead, both("report.monthly"), MONTH.format(month.atDay(1)), madeOn, stats,
                dailyChart(stats, month), hourlyChart(stats));
    }

    private byte[] render(Letterhead letterhead, String title, String period, LocalDate madeOn, JsonObject stats,
                          BufferedImage chart1, BufferedImage chart2) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("facilityName", letterhead.name());
        parameters.put("address", letterhead.address());
        parameters.put("logo", Letterhead.image(letterhead.logo()));
        parameters.put("title", title);
        parameters.put("period", period);
        parameters.put("summary", summary(stats.getJsonObject("totals")));
        parameters.put("stages", stages(stats.getJsonArray("stages")));
        parameters.put("labels", labels());
        parameters.put("chart1", chart1);
        parameters.put("chart2", chart2);
        parameters.put("signedOn", SIGNED.format(madeOn));
        parameters.put("headTitle", letterhead.headTitle() != null ? letterhead.headTitle()
                : Messages.text("report.sign.title").id());
        parameters.put("headName", letterhead.headName() != null ? letterhead.headName()
                : Messages.text("report.sign.name.blank").id());
        parameters.put("headNip", letterhead.headNip() == null ? null
                : Messages.text("report.sign.nip", letterhead.nipPrinted()).id());
        parameters.put("generated", Messages.text("report.generated").id());
        // A pattern ({0} of {1}) the template fills once the page count is known.
        parameters.put("pageOf", both("report.page"));
        try {
            return JasperExportManager.exportReportToPdf(JasperFillManager.fillReport(template(), parameters,
                    new JRMapCollectionDataSource(rows(stats.getJsonArray("perService")))));
        } catch (JRException e) {
            throw new IllegalStateException("report could not be rendered", e);
        }
    }


    private static final String NONE = "\u2014";

    private static List<Map<String, ?>> rows(JsonArray perService) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (Object o : perService) {
            JsonObject s = (JsonObject) o;
            Map<String, Object> row = new HashMap<>();
            row.put("name", s.getString("name"));
            row.put("tickets", Long.toString(s.getLong("tickets")));
            row.put("served", Long.toString(s.getLong("served")));
            // Skipped (absent when called) and no-show (booked online, never came) call for different remedies.
            row.put("skipped", Long.toString(s.getLong("skipped")));
            row.put("noShow", Long.toString(s.getLong("noShow")));
            row.put("cancelled", Long.toString(s.getLong("cancelled")));
            row.put("transferred", Long.toString(s.getLong("transferred")));
            // Patients sent here from another service: why a service where nobody took a number can show a wait.
            row.put("transferredIn", Long.toString(s.getLong("transferredIn", 0L)));
            row.put("wait", pair(s.getJsonObject("wait")));
            row.put("service", pair(s.getJsonObject("service")));
            rows.add(row);
        }
        return rows;
    }

    /** "12,5 / 20" minutes: median / 90th percentile; "—" where nobody was called, never a made-up 0. */
    private static String pair(JsonObject times) {
        if (times == null || times.getValue("median") == null) {
            return NONE;
        }
        return number(times.getDouble("median")) + " / " + number(times.getDouble("p90"));
    }

    private static String number(Double minutes) {
        return minutes == null ? NONE : String.format(Messages.INDONESIAN, "%.1f", minutes);
    }

    private static String summary(JsonObject t) {
        long tickets = t.getLong("tickets", 0L);
        return Messages.text("report.summary.tickets", tickets, t.getLong("served", 0L),
                        t.getLong("skipped", 0L), t.getLong("noShow", 0L), t.getLong("cancelled", 0L),
                        t.getLong("transferred", 0L)).id()
                + "\n" + Messages.text("report.summary.sources", t.getLong("walkIn", 0L), t.getLong("online", 0L),
                        number(t.getDouble("onlineShare", 0.0))).id()
                + "\n" + Messages.text("report.summary.payers", t.getLong("jkn", 0L), t.getLong("umum", 0L)).id()
                + (t.getLong("bpjsDead", 0L) == 0 ? ""
                        : "\n" + Messages.text("report.summary.bpjsDead", t.getLong("bpjsDead")).id());
    }

    private static String stages(JsonArray stages) {
        if (stages == null || stages.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder(Messages.text("report.stages.title").id());
        String path = null;
        for (Object o : stages) {
            JsonObject s = (JsonObject) o;
            if (!s.getString("path").equals(path)) {
                path = s.getString("path");
                text.append("\n").append(s.getString("pathName", path)).append(":");
            }
            text.append("\n   ").append(Messages.text("report.stages.stage", s.getLong("stage"),
                    s.getString("serviceName", s.getString("service")),
                    number(s.getDouble("waitMedian")), number(s.getDouble("serviceMedian")), s.getLong("tickets")).id());
        }
        return text.toString();
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new HashMap<>();
        for (String key : new String[] {"service", "tickets", "served", "skipped", "noShow", "cancelled", "transferred", "transferredIn",
                "wait", "serviceTime", "timesNote"}) {
            labels.put(key, both("report.column." + key));
        }
        return labels;
    }

    private static BufferedImage hourlyChart(JsonObject stats) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Object o : stats.getJsonArray("perHour")) {
            JsonObject h = (JsonObject) o;
            if (h.getInteger("hour") >= 6 && h.getInteger("hour") <= 20 || h.getLong("tickets") > 0) {
                data.addValue(h.getLong("tickets"), both("report.chart.arrivals"), String.format("%02d", h.getInteger("hour")));
            }
        }
        JFreeChart chart = ChartFactory.createBarChart(both("report.chart.perHour"), both("report.chart.hour"),
                both("report.chart.tickets"), data, PlotOrientation.VERTICAL, false, false, false);
        return draw(chart);
    }

    private static BufferedImage dailyChart(JsonObject stats, YearMonth month) {
        JFreeChart chart = ChartFactory.createStackedBarChart(both("report.chart.perDay"), both("report.chart.day"),
                both("report.chart.tickets"), perDay(stats, month), PlotOrientation.VERTICAL, true, false, false);
        return draw(chart);
    }

    /** One bar per day of the month, a day without tickets as an empty bar: the month's shape at a glance. */
    static DefaultCategoryDataset perDay(JsonObject stats, YearMonth month) {
        Map<String, JsonObject> byDate = new HashMap<>();
        for (Object o : stats.getJsonArray("perDay")) {
            JsonObject d = (JsonObject) o;
            byDate.put(d.getString("date"), d);
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int day = 1; day <= month.lengthOfMonth(); day++) {
            JsonObject d = byDate.getOrDefault(month.atDay(day).toString(), new JsonObject());
            String label = String.format("%02d", day);
            data.addValue(d.getLong("walkIn", 0L), both("report.chart.walkIn"), label);
            data.addValue(d.getLong("online", 0L), both("report.chart.online"), label);
        }
        return data;
    }

    private static BufferedImage draw(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(new Color(0xF4F6F8));
        if (chart.getPlot() instanceof org.jfree.chart.plot.CategoryPlot plot
                && plot.getRenderer() instanceof org.jfree.chart.renderer.category.BarRenderer bars) {
            bars.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
            bars.setShadowVisible(false);
            bars.setSeriesPaint(0, new Color(0x0F766E));
            bars.setSeriesPaint(1, new Color(0xF59E0B));
        }
        return chart.createBufferedImage(1070, 400);
    }

    private static String both(String key) {
        LocalizedText text = Messages.text(key);
        return text.id() + " / " + text.en();
    }
}
