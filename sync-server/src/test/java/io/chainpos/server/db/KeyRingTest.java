package io.chainpos.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key-encryption keys that wrap secrets at rest: the format, binding to a row, rotation by the file. */
class KeyRingTest {
    private static final String SECRET = "q2V0dGhpcyBpcyBhIG1lbWJlcidzIGtleQ==";
    @TempDir
    Path dir;

    @Test
    void aWrappedValueIsAesGcmUnderTheLastKeyOfTheFileBoundToItsRow() throws Exception {
        byte[] raw = new byte[32];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) (i + 1);
        }
        Path file = dir.resolve("kek");
        Files.writeString(file, "# keys\nold " + Base64.getEncoder().encodeToString(new byte[32]) + "\n\nk1 "
                + Base64.getEncoder().encodeToString(raw) + "\n");
        KeyRing ring = KeyRing.fromFile(file);

        String wrapped = ring.wrap("member_keys/m-1", SECRET);

        assertThat(wrapped).startsWith("kek:k1:").doesNotContain(SECRET);
        byte[] sealed = Base64.getDecoder().decode(wrapped.substring("kek:k1:".length()));
        assertThat(sealed).as("12-byte nonce, the secret's bytes, a 16-byte tag").hasSize(12 + SECRET.length() + 16);
        // Opened by the JDK alone, as the format in the class's comment says.
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(raw, "AES"), new GCMParameterSpec(128, sealed, 0, 12));
        gcm.updateAAD("member_keys/m-1".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(gcm.doFinal(sealed, 12, sealed.length - 12), StandardCharsets.UTF_8)).isEqualTo(SECRET);

        assertThat(ring.unwrap("member_keys/m-1", wrapped)).isEqualTo(SECRET);
        assertThat(ring.wrap("member_keys/m-1", SECRET)).as("a new nonce each time").isNotEqualTo(wrapped);
        assertThatThrownBy(() -> ring.unwrap("member_keys/m-2", wrapped)).as("moved to another member's row")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("member_keys/m-2");
        int at = "kek:k1:".length() + 30;
        String altered = wrapped.substring(0, at) + (wrapped.charAt(at) == 'A' ? 'B' : 'A') + wrapped.substring(at + 1);
        assertThatThrownBy(() -> ring.unwrap("member_keys/m-1", altered)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ring.unwrap("member_keys/m-1", SECRET)).as("kept unwrapped before there was a key file").isEqualTo(SECRET);
        assertThat(ring.isCurrent(wrapped)).isTrue();
        assertThat(ring.isCurrent(SECRET)).isFalse();
    }

    @Test
    void aKeyAddedToTheFileWrapsFromThenOnAndARetiredKeyNoLongerOpens() throws Exception {
        Path file = dir.resolve("keys").resolve("kek");
        KeyRing.addKey(file, "k1");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        KeyRing ring = KeyRing.fromFile(file);
        String byK1 = ring.wrap("chain_secrets/member.lookup", SECRET);

        KeyRing.addKey(file, "k2");
        String byK2 = ring.wrap("chain_secrets/member.lookup", SECRET);

        assertThat(byK1).startsWith("kek:k1:");
        assertThat(byK2).as("the running ring read the file again").startsWith("kek:k2:");
        assertThat(ring.currentId()).contains("k2");
        assertThat(ring.isCurrent(byK1)).isFalse();
        assertThat(ring.unwrap("chain_secrets/member.lookup", byK1)).isEqualTo(SECRET);

        List<String> lines = Files.readAllLines(file);
        Files.write(file, lines.stream().filter(line -> !line.startsWith("k1 ")).toList());
        assertThatThrownBy(() -> ring.unwrap("chain_secrets/member.lookup", byK1)).isInstanceOf(KeyRing.KeyUnavailable.class)
                .hasMessageContaining("'k1'");
        assertThat(ring.unwrap("chain_secrets/member.lookup", byK2)).isEqualTo(SECRET);
        assertThatThrownBy(() -> KeyRing.addKey(file, "k2")).isInstanceOf(KeyRing.BadKeyFile.class).hasMessageContaining("already");
    }

    @Test
    void aFileThatIsNotKeysIsRefusedSayingWhichLine() throws Exception {
        Path file = dir.resolve("kek");
        assertThatThrownBy(() -> KeyRing.fromFile(file)).isInstanceOf(KeyRing.BadKeyFile.class).hasMessageContaining("kek add");
        Files.writeString(file, "# nothing yet\n");
        assertThatThrownBy(() -> KeyRing.fromFile(file)).isInstanceOf(KeyRing.BadKeyFile.class).hasMessageContaining("holds no key");
        Files.writeString(file, "k1 " + Base64.getEncoder().encodeToString(new byte[16]) + "\n");
        assertThatThrownBy(() -> KeyRing.fromFile(file)).hasMessageContaining("line 1").hasMessageContaining("32 bytes, this one is 16");
        Files.writeString(file, "k1 " + Base64.getEncoder().encodeToString(new byte[32]) + "\nk2 not*base64\n");
        assertThatThrownBy(() -> KeyRing.fromFile(file)).hasMessageContaining("line 2").hasMessageContaining("not base64");
        Files.writeString(file, "just-one-word\n");
        assertThatThrownBy(() -> KeyRing.fromFile(file)).hasMessageContaining("line 1").hasMessageContaining("<id> <base64");
        assertThatThrownBy(() -> KeyRing.addKey(file, "has space")).isInstanceOf(KeyRing.BadKeyFile.class);
    }

    @Test
    void withoutAKeyFileSecretsAreKeptAsTheyAreAndAWrappedOneCannotBeOpened() {
        KeyRing none = KeyRing.none();
        assertThat(none.wraps()).isFalse();
        assertThat(none.wrap("member_keys/m-1", SECRET)).isEqualTo(SECRET);
        assertThat(none.unwrap("member_keys/m-1", SECRET)).isEqualTo(SECRET);
        assertThatThrownBy(() -> none.unwrap("member_keys/m-1", "kek:k1:AAAA")).isInstanceOf(KeyRing.KeyUnavailable.class);
    }
}
