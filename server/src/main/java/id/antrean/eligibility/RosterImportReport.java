package id.antrean.eligibility;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * What an import did, gathered batch by batch. Refused rows are all counted but only the first
 * {@code listed} (by line) are kept with their reasons: a file of a million bad rows makes a short report.
 */
final class RosterImportReport {
    private final int listed;
    // The kept refusals, the latest line on top, so a refusal of an earlier line can take its place.
    private final PriorityQueue<RosterCsv.Rejection> firstRejections =
            new PriorityQueue<>(Comparator.comparingInt(RosterCsv.Rejection::line).reversed());
    private long rows;
    private long accepted;
    private long added;
    private long rejected;

    RosterImportReport(int listed) {
        this.listed = listed;
    }

    void read(RosterCsv.Batch batch) {
        rows += batch.records();
        batch.rejections().forEach(this::reject);
    }

    void reject(RosterCsv.Rejection rejection) {
        rejected++;
        if (firstRejections.size() < listed) {
            firstRejections.add(rejection);
        } else if (rejection.line() < firstRejections.peek().line()) {
            firstRejections.poll();
            firstRejections.add(rejection);
        }
    }

    void written(int rowsWritten, long rowsAdded) {
        accepted += rowsWritten;
        added += rowsAdded;
    }

    long rejectedCount() {
        return rejected;
    }

    JsonObject toJson() {
        List<RosterCsv.Rejection> first = new ArrayList<>(firstRejections);
        first.sort(Comparator.comparingInt(RosterCsv.Rejection::line));
        JsonArray refused = new JsonArray();
        first.forEach(r -> refused.add(new JsonObject().put("line", r.line()).put("code", r.code().name())
                .put("message", r.code().text().toJson())));
        return new JsonObject()
                .put("rows", rows)
                .put("accepted", accepted)
                .put("added", added)
                .put("updated", accepted - added)
                .put("rejected", refused)
                .put("rejectedCount", rejected)
                .put("rejectedTruncated", rejected > refused.size());
    }
}
