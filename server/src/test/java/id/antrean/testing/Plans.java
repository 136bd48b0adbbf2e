package id.antrean.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Reading an executed plan ({@link TestServer#executedPlan}): what a statement costs, stated in rows. */
public final class Plans {
    private Plans() {
    }

    /** The rows the plan's scans of a table produced, all nodes together. */
    public static long rowsReadFrom(JsonObject node, String table) {
        return rows(node, "Relation Name", table);
    }

    /** The rows the plan's scans through an index produced, all nodes together. */
    public static long rowsReadThrough(JsonObject node, String index) {
        return rows(node, "Index Name", index);
    }

    private static long rows(JsonObject node, String field, String name) {
        long rows = name.equals(node.getString(field))
                ? (long) (node.getDouble("Actual Rows") * node.getDouble("Actual Loops")) : 0;
        JsonArray children = node.getJsonArray("Plans", new JsonArray());
        for (int i = 0; i < children.size(); i++) {
            rows += rows(children.getJsonObject(i), field, name);
        }
        return rows;
    }
}
