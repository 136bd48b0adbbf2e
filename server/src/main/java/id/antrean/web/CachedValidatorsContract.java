package id.antrean.web;

import io.vertx.core.file.FileSystem;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.OpenAPIVersion;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Path;
import io.vertx.openapi.contract.SecurityRequirement;
import io.vertx.openapi.contract.SecurityScheme;
import io.vertx.openapi.contract.Server;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contract, with one schema validator per schema for the server's life. vertx-openapi 5.0 asks the schema
 * repository for a new validator for every parameter and body of every request, and each new validator copies
 * and dereferences the whole contract's schemas: a fifth of the server's CPU under load (bench/, docs/PERFORMANCE.md).
 * Validators hold no state between validations, and the contract's schemas never change, so one per schema
 * object (by identity) does.
 *
 * <p>One contract serves every HTTP instance, on several event loops ({@link ApiContract}). Making a validator writes
 * annotations into the contract's shared schemas, so the validators of every parameter and request body, all that
 * request validation asks for, are made once before the contract is shared ({@link #prepareRequestValidators()});
 * any other is made under a lock.
 */
final class CachedValidatorsContract implements OpenAPIContract {
    private final OpenAPIContract contract;
    private final CachingRepository repository;

    CachedValidatorsContract(OpenAPIContract contract) {
        this.contract = contract;
        this.repository = new CachingRepository(contract.getSchemaRepository());
    }

    /** Makes the validator of every operation's parameters and request bodies now, on the calling thread. */
    CachedValidatorsContract prepareRequestValidators() {
        for (Operation operation : contract.operations()) {
            operation.getParameters().forEach(parameter -> repository.validator(parameter.getSchema()));
            if (operation.getRequestBody() != null) {
                operation.getRequestBody().getContent().values().forEach(media -> repository.validator(media.getSchema()));
            }
        }
        return this;
    }

    @Override
    public SchemaRepository getSchemaRepository() {
        return repository;
    }

    /** How many validators have been made (for tests). */
    int validators() {
        return repository.size();
    }

    @Override
    public Operation operation(String operationId) {
        return contract.operation(operationId);
    }

    @Override
    public List<Operation> operations() {
        return contract.operations();
    }

    @Override
    public List<Path> getPaths() {
        return contract.getPaths();
    }

    @Override
    public JsonObject getRawContract() {
        return contract.getRawContract();
    }

    @Override
    public OpenAPIVersion getVersion() {
        return contract.getVersion();
    }

    @Override
    public List<Server> getServers() {
        return contract.getServers();
    }

    @Override
    public Path findPath(String urlPath) {
        return contract.findPath(urlPath);
    }

    @Override
    public Operation findOperation(String urlPath, HttpMethod method) {
        return contract.findOperation(urlPath, method);
    }

    @Override
    public List<SecurityRequirement> getSecurityRequirements() {
        return contract.getSecurityRequirements();
    }

    @Override
    public SecurityScheme securityScheme(String name) {
        return contract.securityScheme(name);
    }

    /** The contract's repository, remembering the validator of each schema object it is asked for. */
    private static final class CachingRepository implements SchemaRepository {
        private final SchemaRepository repository;
        private final Map<IdentityKey, Validator> validators = new ConcurrentHashMap<>();

        CachingRepository(SchemaRepository repository) {
            this.repository = repository;
        }

        @Override
        public Validator validator(JsonSchema schema) {
            IdentityKey key = new IdentityKey(schema);
            Validator known = validators.get(key);
            if (known != null) {
                return known;
            }
            // One at a time: making one writes into the shared schemas.
            synchronized (this) {
                return validators.computeIfAbsent(key, k -> repository.validator(schema));
            }
        }

        int size() {
            return validators.size();
        }

        @Override
        public SchemaRepository dereference(JsonSchema schema) {
            return repository.dereference(schema);
        }

        @Override
        public SchemaRepository dereference(String uri, JsonSchema schema) {
            return repository.dereference(uri, schema);
        }

        @Override
        public SchemaRepository preloadMetaSchema(FileSystem fs) {
            return repository.preloadMetaSchema(fs);
        }

        @Override
        public SchemaRepository preloadMetaSchema(FileSystem fs, io.vertx.json.schema.Draft draft) {
            return repository.preloadMetaSchema(fs, draft);
        }

        @Override
        public Validator validator(String ref) {
            return repository.validator(ref);
        }

        @Override
        public Validator validator(String ref, JsonSchemaOptions options) {
            return repository.validator(ref, options);
        }

        @Override
        public Validator validator(JsonSchema schema, JsonSchemaOptions options, boolean dereference) {
            return repository.validator(schema, options, dereference);
        }

        @Override
        public JsonObject resolve(JsonObject schema) {
            return repository.resolve(schema);
        }

        @Override
        public JsonSchema find(String pointer) {
            return repository.find(pointer);
        }
    }

    /** A schema by identity: its JSON may be large, and equal copies are not expected. */
    private record IdentityKey(JsonSchema schema) {
        @Override
        public boolean equals(Object other) {
            return other instanceof IdentityKey key && key.schema == schema;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(schema);
        }
    }
}
