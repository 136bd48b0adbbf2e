package id.antrean.kiosk.print;

import java.util.Objects;
import java.util.Optional;

/** The outcome of {@link TicketPrinter#print}: printed, or the problem that stopped it. */
public final class PrintResult {
    private static final PrintResult PRINTED = new PrintResult(null);

    private final PrinterProblem problem;

    private PrintResult(PrinterProblem problem) {
        this.problem = problem;
    }

    public static PrintResult printed() {
        return PRINTED;
    }

    public static PrintResult failed(PrinterProblem problem) {
        return new PrintResult(Objects.requireNonNull(problem, "problem"));
    }

    static PrintResult failed(PrinterProblem.Kind kind, String detail) {
        return failed(new PrinterProblem(kind, detail));
    }

    /** True when the ticket was handed to the printer (or the spooler) without a reported problem. */
    public boolean isPrinted() {
        return problem == null;
    }

    public Optional<PrinterProblem> problem() {
        return Optional.ofNullable(problem);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PrintResult that && Objects.equals(problem, that.problem);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(problem);
    }

    @Override
    public String toString() {
        return problem == null ? "PrintResult[printed]" : "PrintResult[" + problem.kind() + ": " + problem.detail() + "]";
    }
}
