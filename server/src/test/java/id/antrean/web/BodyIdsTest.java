package id.antrean.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The handler's own guard behind the contract: a body id is read exactly or refused, never narrowed. */
class BodyIdsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"18446744073709551617", "9223372036854775808", "0", "-1", "1.5", "1e300",
            "9.223372036854776E18", "\"7\"", "true"})
    void anIdThatIsNotOneOfOursIsAnInvalidField(String json) {
        JsonObject body = new JsonObject("{\"ticket\":" + json + "}");

        assertThatThrownBy(() -> BodyIds.optional(body, "ticket"))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.code()).isEqualTo(ErrorCode.INVALID_FIELD);
                    assertThat(p.field()).isEqualTo("ticket");
                });
    }

    @Test
    void anIdIsReadExactly() {
        assertThat(BodyIds.optional(new JsonObject("{\"ticket\":9223372036854775807}"), "ticket"))
                .isEqualTo(Long.MAX_VALUE);
        assertThat(BodyIds.optional(new JsonObject("{\"ticket\":12}"), "ticket")).isEqualTo(12L);
        assertThat(BodyIds.optional(new JsonObject("{\"ticket\":1.0}"), "ticket")).isEqualTo(1L);
        assertThat(BodyIds.optional(new JsonObject("{}"), "ticket")).isNull();
        assertThat(BodyIds.optional(new JsonObject("{\"ticket\":null}"), "ticket")).isNull();
    }
}
