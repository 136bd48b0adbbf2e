package id.antrean.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class JsonPiecesTest {
    @Test
    void aLargeDocumentIsTheSameTextAsEncodeInPiecesOfAtMostSixteenKilobytes() {
        JsonArray tickets = new JsonArray();
        for (int i = 0; i < 2_000; i++) {
            // Multi-byte characters, so some fall across a piece's end.
            tickets.add(new JsonObject().put("label", "A-" + i).put("poli", "Poli Gigi — ruang ①").put("n", i));
        }
        JsonObject board = new JsonObject().put("waiting", tickets).put("none", (String) null);

        JsonPieces encoded = JsonPieces.of(board);

        assertThat(encoded.pieces()).hasSizeGreaterThan(5)
                .allSatisfy(piece -> assertThat(piece.length()).isLessThanOrEqualTo(16 * 1024));
        Buffer whole = Buffer.buffer();
        encoded.pieces().forEach(whole::appendBuffer);
        assertThat(whole.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(board.encode());
        assertThat(encoded.length()).isEqualTo(whole.length());
    }

    @Test
    void aSmallDocumentIsOnePiece() {
        JsonPieces encoded = JsonPieces.of(new JsonObject().put("status", "UP"));

        assertThat(encoded.pieces()).hasSize(1);
        assertThat(encoded.pieces().getFirst().toString()).isEqualTo("{\"status\":\"UP\"}");
    }
}
