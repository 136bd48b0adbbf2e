package id.antrean.drills;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;

/**
 * The OpenAPI contract as the drill reads it: every operation (method, path, operationId), its parameters, and
 * the properties of its JSON body with their declared types, so that wrong types can be made for every field.
 * Read with SnakeYAML (the contract library's own YAML parser), with {@code $ref}s inside the file resolved.
 */
final class Contract {
    static final String RESOURCE = "openapi/antrean.yaml";
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

    /**
     * A property of a request body: its JSON type and what the contract allows (null where it says nothing), so
     * that the drill knows whether an odd value is one the contract must refuse or one it may take.
     */
    record Field(String name, String type, List<String> enumValues, boolean required, String pattern,
                 Integer minLength, Integer maxLength) {
        Field(String name, String type, List<String> enumValues, boolean required) {
            this(name, type, enumValues, required, null, null, null);
        }

        /** Whether the contract refuses this string as the field's value (enum, pattern, length or type). */
        boolean refuses(String value) {
            if (!"string".equals(type)) {
                return true;
            }
            if (!enumValues.isEmpty() && !enumValues.contains(value)) {
                return true;
            }
            int length = value.codePointCount(0, value.length());
            if (minLength != null && length < minLength || maxLength != null && length > maxLength) {
                return true;
            }
            // JSON Schema patterns are ECMA-262 and unanchored; the contract's are anchored and also Java's.
            return pattern != null && !java.util.regex.Pattern.compile(pattern).matcher(value).find();
        }
    }

    /** A parameter: in path, query or header. */
    record Parameter(String name, String in, boolean required) {
    }

    /**
     * One operation.
     *
     * @param bodyMediaType {@code application/json}, {@code text/plain}, or null without a body
     * @param bodyRequired  whether the contract requires a body
     */
    record Operation(String id, String method, String path, List<Parameter> parameters, String bodyMediaType,
                     boolean bodyRequired, List<Field> fields) {
        String key() {
            return method + " " + path;
        }
    }

    private final Map<String, Object> root;

    private Contract(Map<String, Object> root) {
        this.root = root;
    }

    static Contract load() {
        try (InputStream in = Contract.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            Map<String, Object> root = new Yaml().load(in);
            return new Contract(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    List<Operation> operations() {
        List<Operation> out = new ArrayList<>();
        Map<String, Object> paths = map(root.get("paths"));
        for (Map.Entry<String, Object> path : paths.entrySet()) {
            if (path.getKey().startsWith("/mobilejkn/")) {
                // BPJS's contract, documented in the file but answered in its own envelope: the drill calls it
                // as Mobile JKN does (Catalog.mobileJkn), not as an API operation.
                continue;
            }
            Map<String, Object> item = map(path.getValue());
            for (Map.Entry<String, Object> op : item.entrySet()) {
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                Map<String, Object> operation = map(op.getValue());
                List<Parameter> parameters = new ArrayList<>();
                for (Object p : list(operation.get("parameters"))) {
                    Map<String, Object> param = map(resolve(p));
                    parameters.add(new Parameter((String) param.get("name"), (String) param.get("in"),
                            Boolean.TRUE.equals(param.get("required"))));
                }
                String mediaType = null;
                boolean bodyRequired = false;
                List<Field> fields = List.of();
                if (operation.get("requestBody") != null) {
                    Map<String, Object> body = map(resolve(operation.get("requestBody")));
                    bodyRequired = Boolean.TRUE.equals(body.get("required"));
                    Map<String, Object> content = map(body.get("content"));
                    mediaType = content.keySet().iterator().next();
                    fields = fields(map(resolve(map(content.get(mediaType)).get("schema"))));
                }
                out.add(new Operation((String) operation.get("operationId"), op.getKey().toUpperCase(), path.getKey(),
                        List.copyOf(parameters), mediaType, bodyRequired, fields));
            }
        }
        return out;
    }

    private List<Field> fields(Map<String, Object> schema) {
        List<Field> fields = new ArrayList<>();
        List<Object> required = list(schema.get("required"));
        for (Map.Entry<String, Object> property : map(schema.get("properties")).entrySet()) {
            Map<String, Object> p = map(resolve(property.getValue()));
            List<String> enumValues = list(p.get("enum")).stream().map(String::valueOf).toList();
            fields.add(new Field(property.getKey(), String.valueOf(p.get("type")), enumValues,
                    required.contains(property.getKey()), (String) p.get("pattern"), (Integer) p.get("minLength"),
                    (Integer) p.get("maxLength")));
        }
        return List.copyOf(fields);
    }

    /** A {@code $ref} to somewhere in this file, followed (repeatedly); anything else as it is. */
    private Object resolve(Object node) {
        Object current = node;
        while (current instanceof Map<?, ?> m && m.get("$ref") instanceof String ref && ref.startsWith("#/")) {
            Object target = root;
            for (String part : ref.substring(2).split("/")) {
                target = map(target).get(part);
            }
            current = target;
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o instanceof List<?> l ? (List<Object>) l : List.of();
    }
}
