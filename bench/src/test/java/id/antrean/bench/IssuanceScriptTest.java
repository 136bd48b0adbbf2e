package id.antrean.bench;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.queue.TicketIssuer;
import org.junit.jupiter.api.Test;

/** The ceiling's pgbench script is the server's own SQL for one issuance, every parameter bound. */
class IssuanceScriptTest {
    @Test
    void theScriptRunsTheServersIssueStatementWithItsTicketViewAndPositionCount() {
        String script = IssuanceScript.script();
        String issue = IssuanceScript.constant(TicketIssuer.class, "ISSUE");

        // The ticket view issuance returns (joins with the services and the counter, and the place in line), the
        // event and the outbox insert: all in the one statement.
        assertThat(issue).contains("LEFT JOIN counter c", "AS position", "ticket_waiting_ahead(",
                "INSERT INTO queue_event", "pg_notify(", "INSERT INTO bpjs_outbox");
        // The statement's text outside its parameters is in the script unchanged.
        for (String piece : IssuanceScript.colonsOutOfLiterals(issue).split("\\$\\d+")) {
            assertThat(script).contains(piece.strip());
        }
    }

    @Test
    void everyStatementOfOneIssuanceIsThereInTheServersOrderWithNoParameterLeftUnbound() {
        String script = IssuanceScript.script();

        assertThat(script).doesNotContainPattern("\\$\\d");
        assertThat(script).containsSubsequence("-- AuthService.WHO_HAS_TOKEN", "BEGIN;",
                "-- FacilityDirectory.SERVICE_BY_CODE", "-- Closures.CLOSED_ON", "-- TicketIssuer.ISSUE", "COMMIT;");
        assertThat(script).doesNotContain("-- EventLog.APPEND", "-- BpjsOutbox.ADD");
    }

    @Test
    void theOldTransactionForTheSideBySideIsLabelledAndKeepsItsThreeStatementsInsideTheLocks() {
        String old = IssuanceScript.oldScript();

        assertThat(old).doesNotContainPattern("\\$\\d").contains("THE OLD ISSUANCE");
        assertThat(old).containsSubsequence("-- AuthService.WHO_HAS_TOKEN", "BEGIN;",
                "-- FacilityDirectory.SERVICE_BY_CODE", "-- Closures.CLOSED_ON", "-- OldIssuance.ISSUE",
                "-- EventLog.APPEND", "-- BpjsOutbox.ADD", "COMMIT;");
    }

    @Test
    void aColonInAStringLiteralIsNotLeftForPgbenchToTakeForAVariable() {
        assertThat(IssuanceScript.colonsOutOfLiterals("SELECT to_char(x, 'HH24:MI'), y::text, ':1'"))
                .isEqualTo("SELECT to_char(x, 'HH24' || ':' || 'MI'), y::text, ':1'");
        assertThat(IssuanceScript.script()).doesNotContain("'HH24:MI'");
    }
}
