package id.antrean.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TicketCodeTest {

    @Test
    void whatIsPrintedIsReadBack() {
        TicketCode code = new TicketCode("pkm-demo", 42, "A-002");
        assertThat(code.text()).isEqualTo("ANTREAN:pkm-demo:42:A-002");
        assertThat(TicketCode.parse(code.text())).contains(code);
        assertThat(TicketCode.parse("  " + code.text() + "\n")).contains(code);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "ANTREAN:PKM-demo:42:A-002",         // facility codes are lower case
            "ANTREAN:p:42:A-002",                // too short a facility code
            "ANTREAN:pkm-demo:x:A-002",
            "ANTREAN:pkm-demo:1234567890123456789:A-002", // 19 digits: more than a ticket id can be
            "ANTREAN:pkm-demo:42:A-02",
            "ANTREAN:pkm-demo:42:a-002",
            "see ANTREAN:pkm-demo:42:A-002",     // the code must be the whole text
            "ANTREAN:pkm-demo:42:A-002:extra"})
    void anythingElseIsNotATicketCode(String text) {
        assertThat(TicketCode.parse(text)).isEmpty();
    }
}
