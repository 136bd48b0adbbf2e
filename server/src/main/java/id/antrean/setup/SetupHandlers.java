package id.antrean.setup;

import id.antrean.auth.PasswordPolicy;
import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import id.antrean.web.Responses;
import id.antrean.web.Routes;
import id.antrean.web.TypedName;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.regex.Pattern;

/** HTTP edge of the first setup: {@code GET /api/v1/setup} (still to do?) and {@code POST /api/v1/setup}. */
public final class SetupHandlers implements Routes {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,39}");
    private final FirstOperator firstOperator;

    public SetupHandlers(FirstOperator firstOperator) {
        this.firstOperator = firstOperator;
    }

    /** {@code GET /api/v1/setup}: {@code {"open": true}} while the first operator is still to be created. */
    public void status(RoutingContext rc) {
        Responses.json(rc, firstOperator.open().map(open -> new JsonObject().put("open", open)));
    }

    /** {@code POST /api/v1/setup {"setupCode", "operator": {"username", "name", "password"}}}: 201 the operator. */
    public void setUp(RoutingContext rc) {
        JsonObject body = rc.body().asJsonObject();
        JsonObject operator = body.getJsonObject("operator");
        String username = operator.getString("username");
        if (username == null || !USERNAME.matcher(username).matches()) {
            // The table's check, matched whole: the contract's pattern would let a final line break through.
            throw Problem.ofField(ErrorCode.INVALID_FIELD, "operator.username", "operator.username");
        }
        String name = TypedName.require(operator.getString("name"), "operator.name");
        // Before the code is checked: a refused password is no wrong guess, and costs no bcrypt.
        PasswordPolicy.check("operator.password", username, operator.getString("password"));
        String address = rc.request().remoteAddress() == null ? "?" : rc.request().remoteAddress().hostAddress();
        Responses.json(rc, 201, firstOperator.create(new FirstOperator.Request(body.getString("setupCode"), username,
                name, operator.getString("password")), address).map(created -> new JsonObject().put("operator", created)));
    }

    @Override
    public void mount(RouterBuilder contract) {
        contract.getRoute("setupStatus").addHandler(this::status);
        contract.getRoute("setUp").addHandler(this::setUp);
    }
}
