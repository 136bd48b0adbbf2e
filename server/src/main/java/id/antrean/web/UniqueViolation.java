package id.antrean.web;

import io.vertx.pgclient.PgException;
import java.util.Objects;
import java.util.Optional;

/**
 * A row the database refused because a UNIQUE constraint already holds its key (SQLSTATE 23505): the database
 * decides who wins a race (two admins creating "GIGI" at once), and each feature names the loser's 409 for people.
 * One reading of the failure for all of them.
 */
public final class UniqueViolation {
    private static final String SQLSTATE = "23505";

    private UniqueViolation() {
    }

    /** The constraint (or unique index) that was violated, "" when the database named none; empty otherwise. */
    public static Optional<String> constraint(Throwable failure) {
        return failure instanceof PgException pg && SQLSTATE.equals(pg.getSqlState())
                ? Optional.of(Objects.toString(pg.getConstraint(), "")) : Optional.empty();
    }

    public static boolean is(Throwable failure) {
        return constraint(failure).isPresent();
    }
}
