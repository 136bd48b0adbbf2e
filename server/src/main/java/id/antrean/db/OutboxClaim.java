package id.antrean.db;

/**
 * The claim of an outbox table (BPJS's, the notifications'): up to a batch of due messages, leased until $2 so that
 * no other round or node sends them meanwhile, $1 being now; none of a ticket while an earlier one of it is pending,
 * so that a ticket's messages arrive in order. Taken in the due index's order ({@code next_attempt_at, outbox_id})
 * and stopping at the batch, so that a backlog costs a round the batch, not the backlog (issue #18). The batch is a
 * constant in the statement so that a generic plan knows it is small.
 */
public final class OutboxClaim {
    private OutboxClaim() {
    }

    /** The statement for {@code table}, returning {@code columns} (of {@code o}, the claimed rows). */
    public static String of(String table, int batch, String columns) {
        return """
                WITH due AS (
                    SELECT o.facility_id, o.outbox_id FROM %1$s o
                    WHERE o.status = 'PENDING' AND o.next_attempt_at <= $1
                      AND NOT EXISTS (SELECT 1 FROM %1$s e
                                      WHERE e.facility_id = o.facility_id AND e.ticket_id = o.ticket_id
                                        AND e.outbox_id < o.outbox_id AND e.status = 'PENDING')
                    ORDER BY o.next_attempt_at, o.outbox_id
                    LIMIT %2$d
                    FOR UPDATE SKIP LOCKED)
                UPDATE %1$s o SET next_attempt_at = $2
                FROM due WHERE o.facility_id = due.facility_id AND o.outbox_id = due.outbox_id
                RETURNING %3$s""".formatted(table, batch, columns);
    }
}
