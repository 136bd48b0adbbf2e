package id.antrean.bpjs.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.antrean.app.AppConfig;
import id.antrean.db.SecretKeyFile;
import id.antrean.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyTest {
    private static final MasterKey KEY = MasterKey.parse(TestServer.SECRET_KEY, "SECRET_KEY");

    private static Map<String, String> env(String secretKey) {
        Map<String, String> env = new HashMap<>();
        env.put("SECRET_KEY", secretKey);
        return env;
    }

    @Test
    void aSecretKeyOfTheWrongLengthIsRefusedAtStartWithoutEchoingIt() {
        String short16 = Base64.getEncoder().encodeToString("sixteen-bytes-ky".getBytes());

        assertThatThrownBy(() -> AppConfig.fromEnv(env(short16)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SECRET_KEY").hasMessageContaining("32").hasMessageNotContaining(short16);
        assertThatThrownBy(() -> AppConfig.fromEnv(env("not base64 at all!")))
                .hasMessageContaining("SECRET_KEY").hasMessageContaining("base64");
        assertThat(AppConfig.fromEnv(env(TestServer.SECRET_KEY)).secretKey().id()).isEqualTo(KEY.id());
    }

    @Test
    void theKeyIsNeverPrinted() {
        assertThat(KEY.toString()).doesNotContain(TestServer.SECRET_KEY).contains(KEY.id());
        assertThat(AppConfig.fromEnv(env(TestServer.SECRET_KEY)).toString()).doesNotContain(TestServer.SECRET_KEY);
    }

    @Test
    void withoutSecretKeyAnOwnerOnlyKeyFileIsMadeOnceAndKept(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");

        String first = SecretKeyFile.readOrCreate(data);
        String again = SecretKeyFile.readOrCreate(data);

        assertThat(again).isEqualTo(first);
        assertThat(Base64.getDecoder().decode(first)).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("secret.key"))))
                .isEqualTo("rw-------");
        assertThat(MasterKey.parse(first, "key file").id()).matches("[0-9a-f]{16}");
    }

    @Test
    void aSealedValueOpensOnlyWithItsKeyFacilityAndField() {
        CredentialSeal seal = new CredentialSeal(KEY);
        CredentialSeal other = new CredentialSeal(MasterKey.of(new byte[32]));
        byte[] sealed = seal.seal(7, "secret", "rahasia");

        assertThat(seal.open(7, "secret", sealed)).isEqualTo("rahasia");
        assertThat(seal.seal(7, "secret", "rahasia")).isNotEqualTo(sealed);
        assertThatThrownBy(() -> seal.open(8, "secret", sealed)).isInstanceOf(CredentialsUnreadable.class);
        assertThatThrownBy(() -> seal.open(7, "userKey", sealed)).isInstanceOf(CredentialsUnreadable.class);
        assertThatThrownBy(() -> other.open(7, "secret", sealed)).isInstanceOf(CredentialsUnreadable.class)
                .hasMessageContaining("set SECRET_KEY to the key they were stored with, or enter them again");
    }
}
