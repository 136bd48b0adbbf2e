package id.antrean.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TrackLinkTest {

    @Test
    void whatIsPrintedIsReadBackWhateverTheBase() {
        TrackLink link = TrackLink.of("https://antrean.pkm.id/", "AbCdEfGhIjKlMnOpQr-_Uv");
        assertThat(link.url()).isEqualTo("https://antrean.pkm.id/t/AbCdEfGhIjKlMnOpQr-_Uv");
        assertThat(TrackLink.parse(link.url())).contains(link);
        assertThat(TrackLink.parse("  " + link.url() + "\n")).contains(link);
        TrackLink lan = TrackLink.of("http://192.168.1.10:8080", "AbCdEfGhIjKlMnOpQrStUv");
        assertThat(TrackLink.parse(lan.url()).map(TrackLink::code)).contains("AbCdEfGhIjKlMnOpQrStUv");
        assertThat(TrackLink.parse("https://pkm.id/antrean/t/AbCdEfGhIjKlMnOpQrStUv").map(TrackLink::base))
                .contains("https://pkm.id/antrean");
    }

    @Test
    void aCodeIs22Base64UrlCharacters() {
        assertThat(TrackLink.isCode("AbCdEfGhIjKlMnOpQr-_Uv")).isTrue();
        assertThat(TrackLink.isCode("AbCdEfGhIjKlMnOpQr-_U")).isFalse();
        assertThat(TrackLink.isCode("AbCdEfGhIjKlMnOpQr-_Uv1")).isFalse();
        assertThat(TrackLink.isCode("AbCdEfGhIjKlMnOpQr+/Uv")).isFalse();
        assertThat(TrackLink.isCode(null)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "https://antrean.pkm.id/t/AbCdEfGhIj",
            "https://antrean.pkm.id/t/AbCdEfGhIjKlMnOpQrStUv?x=1",
            "https://antrean.pkm.id/t/AbCdEfGhIjKlMnOpQrStUv/",
            "https://antrean.pkm.id/x/AbCdEfGhIjKlMnOpQrStUv",
            "ftp://antrean.pkm.id/t/AbCdEfGhIjKlMnOpQrStUv",
            "see https://antrean.pkm.id/t/AbCdEfGhIjKlMnOpQrStUv",
            "ANTREAN:pkm-demo:42:A-002"})
    void anythingElseIsNotATrackLink(String text) {
        assertThat(TrackLink.parse(text)).isEmpty();
    }
}
