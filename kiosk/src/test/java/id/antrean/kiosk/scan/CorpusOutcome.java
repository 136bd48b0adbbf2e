package id.antrean.kiosk.scan;

import java.time.Duration;

/**
 * How one corpus frame fared: within the kiosk's time budget, and (only when the budget ran out first)
 * with no budget at all, which shows what the strategies can read apart from how fast this machine is.
 *
 * @param wallTime the budgeted decode as timed from outside, image decoding included
 */
record CorpusOutcome(CorpusFrame frame, DecodeResult budgeted, Duration wallTime, DecodeResult unlimited) {

    boolean readWithinBudget() {
        return budgeted.found() && budgeted.text().equals(frame.payload().text());
    }

    boolean readAtAll() {
        return unlimited.found() && unlimited.text().equals(frame.payload().text());
    }

    /** A decode that produced some other text than the one encoded: must never happen. */
    boolean misread() {
        return budgeted.found() && !budgeted.text().equals(frame.payload().text())
                || unlimited.found() && !unlimited.text().equals(frame.payload().text());
    }
}
