package id.antrean.bpjs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The BPJS signing and reply encryption against vectors computed with Node's crypto and lz-string 1.5.0. */
class BpjsProtocolVectorsTest {
    private static JsonObject v;
    private static String consId;
    private static String secret;
    private static String timestamp;

    @BeforeAll
    static void loadVectors() throws IOException {
        try (InputStream in = BpjsProtocolVectorsTest.class.getResourceAsStream("/bpjs/vectors.json")) {
            assertThat(in).as("bpjs/vectors.json on the test classpath").isNotNull();
            v = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        consId = v.getString("consId");
        secret = v.getString("secret");
        timestamp = v.getString("timestamp");
    }

    @Test
    void signatureMatchesTheReferenceVector() {
        assertThat(BpjsSignature.sign(consId, secret, timestamp)).isEqualTo(v.getString("signature"));
    }

    @Test
    void aesKeyAndIvMatchTheReferenceVectors() {
        byte[] key = BpjsCrypto.key(consId, secret, timestamp);
        HexFormat hex = HexFormat.of();
        assertThat(key).hasSize(32);
        assertThat(hex.formatHex(key)).isEqualTo(v.getString("keySha256Hex"));
        assertThat(hex.formatHex(key, 0, 16)).isEqualTo(v.getString("ivHex"));
    }

    @Test
    void encryptedResponseDecodesToThePlaintextJson() {
        assertThat(BpjsCrypto.decodeResponse(v.getString("encryptedResponse"), consId, secret, timestamp))
                .isEqualTo(v.getString("plaintextJson"));
    }

    @Test
    void decryptingTheResponseGivesTheLzStringText() {
        assertThat(BpjsCrypto.decrypt(v.getString("encryptedResponse"), consId, secret, timestamp))
                .isEqualTo(v.getString("lzEncodedURIComponent"));
    }

    @Test
    void lzStringVectorDecompressesToThePlaintextJson() {
        assertThat(LzString.decompressFromEncodedURIComponent(v.getString("lzEncodedURIComponent")))
                .isEqualTo(v.getString("plaintextJson"));
    }

    @Test
    void compressionIsByteExactWithTheJavaScriptReference() {
        assertThat(LzString.compressToEncodedURIComponent(v.getString("plaintextJson")))
                .isEqualTo(v.getString("lzEncodedURIComponent"));
    }

    @Test
    void unicodeVectorMatchesTheJavaScriptReferenceBothWays() {
        JsonObject unicode = v.getJsonObject("unicode");
        assertThat(LzString.compressToEncodedURIComponent(unicode.getString("json")))
                .isEqualTo(unicode.getString("lzEncodedURIComponent"));
        assertThat(LzString.decompressFromEncodedURIComponent(unicode.getString("lzEncodedURIComponent")))
                .isEqualTo(unicode.getString("json"));
    }

    @Test
    void encodeResponseReproducesTheReferenceCiphertext() {
        // Fixed key and IV make the encryption deterministic, so a simulator's reply is byte-exact BPJS.
        assertThat(BpjsCrypto.encodeResponse(v.getString("plaintextJson"), consId, secret, timestamp))
                .isEqualTo(v.getString("encryptedResponse"));
    }

    @Test
    void encodeResponseThenDecodeResponseRoundTrips() {
        String json = v.getJsonObject("unicode").getString("json");
        String encrypted = BpjsCrypto.encodeResponse(json, consId, secret, timestamp);
        assertThat(encrypted).isNotEqualTo(json).doesNotContain("nama");
        assertThat(BpjsCrypto.decodeResponse(encrypted, consId, secret, timestamp)).isEqualTo(json);
    }

    @Test
    void verifyAcceptsTheRightSignatureAndRefusesAnyOther() {
        String signature = v.getString("signature");
        assertThat(BpjsSignature.verify(consId, secret, timestamp, signature)).isTrue();

        char last = signature.charAt(signature.length() - 2);
        String changed = signature.substring(0, signature.length() - 2) + (last == 'k' ? 'j' : 'k') + "=";
        assertThat(BpjsSignature.verify(consId, secret, timestamp, changed)).isFalse();
        assertThat(BpjsSignature.verify(consId, secret, "433223233", signature)).isFalse();
        assertThat(BpjsSignature.verify(consId, "pwe", timestamp, signature)).isFalse();
        assertThat(BpjsSignature.verify(consId, secret, timestamp, null)).isFalse();
        assertThat(BpjsSignature.verify(consId, secret, timestamp, "")).isFalse();
    }

    @Test
    void decryptWithAWrongTimestampFailsWithoutLeakingTheSecretOrKey() {
        String wrongTimestamp = "433223233";
        String wrongKeyHex = HexFormat.of().formatHex(BpjsCrypto.key(consId, secret, wrongTimestamp));
        assertThatThrownBy(() -> BpjsCrypto.decrypt(v.getString("encryptedResponse"), consId, secret, wrongTimestamp))
                .isInstanceOf(BpjsProtocolException.class)
                .satisfies(e -> assertNothingLeaks(e, secret, wrongKeyHex, v.getString("keySha256Hex")));
        assertThatThrownBy(() -> BpjsCrypto.decodeResponse(v.getString("encryptedResponse"), consId, secret, wrongTimestamp))
                .isInstanceOf(BpjsProtocolException.class);
    }

    @Test
    void aLongerSecretNeverAppearsInTheFailureMessage() {
        String longSecret = "S3cr3t-Rahasia-Puskesmas";
        String encrypted = BpjsCrypto.encodeResponse("{\"a\":1}", consId, longSecret, timestamp);
        assertThatThrownBy(() -> BpjsCrypto.decodeResponse(encrypted, consId, longSecret, "1"))
                .isInstanceOf(BpjsProtocolException.class)
                .satisfies(e -> assertNothingLeaks(e, longSecret,
                        HexFormat.of().formatHex(BpjsCrypto.key(consId, longSecret, "1"))));
    }

    @Test
    void badBase64AndTruncatedCiphertextAreProtocolErrors() {
        String encrypted = v.getString("encryptedResponse");
        assertThatThrownBy(() -> BpjsCrypto.decrypt("not*base64!", consId, secret, timestamp))
                .isInstanceOf(BpjsProtocolException.class);
        assertThatThrownBy(() -> BpjsCrypto.decrypt(encrypted.substring(0, 20), consId, secret, timestamp))
                .isInstanceOf(BpjsProtocolException.class);
        assertThatThrownBy(() -> BpjsCrypto.decrypt(null, consId, secret, timestamp))
                .isInstanceOf(BpjsProtocolException.class);
    }

    @Test
    void decryptableTextThatIsNotLzStringIsAProtocolError() {
        String encrypted = BpjsCrypto.encrypt("{\"plain\": \"json, not lz-string!\"}", consId, secret, timestamp);
        assertThat(BpjsCrypto.decrypt(encrypted, consId, secret, timestamp)).startsWith("{\"plain\"");
        assertThatThrownBy(() -> BpjsCrypto.decodeResponse(encrypted, consId, secret, timestamp))
                .isInstanceOf(BpjsProtocolException.class);
    }

    private static void assertNothingLeaks(Throwable e, String... sensitive) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (String s : sensitive) {
                assertThat(String.valueOf(t.getMessage())).doesNotContainIgnoringCase(s);
                assertThat(t.toString()).doesNotContainIgnoringCase(s);
            }
        }
    }
}
