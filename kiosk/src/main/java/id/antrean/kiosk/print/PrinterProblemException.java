package id.antrean.kiosk.print;

/** Carries a {@link PrinterProblem} out of the transports; never leaves this package. */
final class PrinterProblemException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient PrinterProblem problem;

    PrinterProblemException(PrinterProblem.Kind kind, String detail, Throwable cause) {
        super(detail, cause);
        this.problem = new PrinterProblem(kind, detail);
    }

    PrinterProblemException(PrinterProblem.Kind kind, String detail) {
        this(kind, detail, null);
    }

    PrinterProblem problem() {
        return problem;
    }
}
