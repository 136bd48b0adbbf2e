package id.antrean.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The streaming reader on its own: batches, line numbers and quotes wherever the reader's buffer happens to end. */
class RosterCsvTest {

    private static List<RosterCsv.Batch> readAll(String text, int maxRows, int maxRecords) throws IOException {
        List<RosterCsv.Batch> batches = new ArrayList<>();
        try (RosterCsv csv = RosterCsv.open(new StringReader(text))) {
            RosterCsv.Batch batch;
            do {
                batch = csv.next(maxRows, maxRecords);
                batches.add(batch);
            } while (!batch.last());
        }
        return batches;
    }

    @Test
    void rowsComeInBatchesInFileOrderWithTheirLineNumbers() throws IOException {
        StringBuilder text = new StringBuilder("\uFEFFnomor_kartu;nama\r\n");
        for (int i = 0; i < 10; i++) {
            text.append("007%010d;Nama %d\r\n".formatted(i, i));
        }
        text.append("bad;x\r\n\r\n0070000000001;again"); // a duplicate, without a final line break

        List<RosterCsv.Batch> batches = readAll(text.toString(), 4, 100);

        assertThat(batches).hasSize(3);
        assertThat(batches.get(0).rows()).extracting(RosterCsv.Row::line).containsExactly(2, 3, 4, 5);
        List<RosterCsv.Row> rows = batches.stream().flatMap(b -> b.rows().stream()).toList();
        assertThat(rows).hasSize(10);
        assertThat(rows.get(9).cardNumber()).isEqualTo("0070000000009");
        assertThat(rows.get(9).initial()).isEqualTo("N");
        List<RosterCsv.Rejection> rejections = batches.stream().flatMap(b -> b.rejections().stream()).toList();
        assertThat(rejections).containsExactly(new RosterCsv.Rejection(12, ErrorCode.INVALID_CARD_NUMBER),
                new RosterCsv.Rejection(14, ErrorCode.ROSTER_DUPLICATE_ROW));
        assertThat(batches.stream().mapToInt(RosterCsv.Batch::records).sum()).isEqualTo(12);
    }

    @Test
    void quotesAndLineBreaksAcrossTheReadersBufferAreReadWhole() throws IOException {
        // Push a quoted field with a doubled quote and a line break, and a \r\n, over the 16 K buffer's edge.
        for (int pad = 16 * 1024 - 40; pad < 16 * 1024 + 5; pad++) {
            String text = "nomor_kartu,nama\n0080000000001,\"" + "x".repeat(pad) + "\"\n"
                    + "0080000000002,\"Daeng \"\"Rani\"\"\nbaris dua\"\r\n0080000000003,Siti\r\n";

            List<RosterCsv.Row> rows = readAll(text, 100, 100).stream().flatMap(b -> b.rows().stream()).toList();

            assertThat(rows).extracting(RosterCsv.Row::line).as("pad %d", pad).containsExactly(2, 3, 5);
            assertThat(rows).extracting(RosterCsv.Row::initial).containsExactly("X", "D", "S");
        }
    }

    @Test
    void aHugeFieldOrRowIsReadPastNotKept() throws IOException {
        String text = "nomor_kartu,nama\n0090000000001," + "n".repeat(100_000) + ",x".repeat(100_000) + "\n0090000000002,B\n";

        List<RosterCsv.Row> rows = readAll(text, 100, 100).stream().flatMap(b -> b.rows().stream()).toList();

        assertThat(rows).extracting(RosterCsv.Row::cardNumber).containsExactly("0090000000001", "0090000000002");
        assertThat(rows).extracting(RosterCsv.Row::line).containsExactly(2, 3);
    }

    @Test
    void aFileWithoutACardColumnOrEmptyIsRefused() {
        assertThatThrownBy(() -> RosterCsv.open(new StringReader("nama,kelas\nSiti,I\n")))
                .isInstanceOf(Problem.class).hasMessage("ROSTER_HEADER_INVALID");
        assertThatThrownBy(() -> RosterCsv.open(new StringReader("")))
                .isInstanceOf(Problem.class).hasMessage("ROSTER_HEADER_INVALID");
    }

    @Test
    void aLongSetKeepsEveryNumberOnce() {
        LongSet set = new LongSet();
        for (long i = 0; i < 100_000; i++) {
            assertThat(set.add(i * 7_919)).isTrue();
        }
        assertThat(set.add(0)).isFalse();
        assertThat(set.add(99_999L * 7_919)).isFalse();
        assertThat(set.size()).isEqualTo(100_000);
    }
}
