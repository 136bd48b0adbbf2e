package id.antrean.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Reading an executed plan ({@link TestServer#executedPlan}): what a statement costs, stated in rows. */
public final class Plans {
    private Plans() {
    }

    /** The rows the plan's scans of a table produced, all nodes together. */
    public static long rowsReadFrom(JsonObject node, String table) {
        long rows = table.equals(node.getString("Relation Name"))
                ? (long) (node.getDouble("Actual Rows") * node.getDouble("Actual Loops")) : 0;
        JsonArray children = node.getJsonArray("Plans", new JsonArray());
        for (int i = 0; i < children.size(); i++) {
            rows += rowsReadFrom(children.getJsonObject(i), table);
        }
        return rows;
    }
}
