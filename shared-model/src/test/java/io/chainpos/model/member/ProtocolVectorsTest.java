package io.chainpos.model.member;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.id.MemberId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The test vectors published in docs/protocol.md (computed there with an independent implementation) checked against
 * the code that seals personal data and hashes phones: a client written from the document interoperates.
 */
class ProtocolVectorsTest {
    private static final Map<String, String> VECTORS = new LinkedHashMap<>();

    @BeforeAll
    static void readTheDocument() throws IOException {
        String text = Files.readString(Path.of("../docs/protocol.md"), StandardCharsets.UTF_8);
        for (String line : text.lines().toList()) {
            int eq = line.indexOf(" = ");
            if ((line.startsWith("seal.") || line.startsWith("phone.")) && eq > 0) {
                VECTORS.put(line.substring(0, eq), line.substring(eq + 3).strip());
            }
        }
        assertThat(VECTORS).containsKeys("seal.key", "seal.nonce", "seal.memberId", "seal.plain.1", "seal.sealed.1",
                "seal.plain.2", "seal.sealed.2", "phone.secret", "phone.typed", "phone.normalised", "phone.hash");
    }

    @Test
    void sealingGivesThePublishedValuesAndOpensThem() {
        MemberKey key = new MemberKey(MemberId.parse(VECTORS.get("seal.memberId")), VECTORS.get("seal.key"));
        byte[] nonce = HexFormat.of().parseHex(VECTORS.get("seal.nonce"));
        for (int i = 1; i <= 2; i++) {
            String plain = VECTORS.get("seal.plain." + i);
            Sealed published = new Sealed(VECTORS.get("seal.sealed." + i));

            assertThat(key.seal(plain, nonce)).isEqualTo(published);
            assertThat(key.open(published)).contains(plain);
        }
    }

    @Test
    void aValueSealedForOneMemberDoesNotOpenForAnother() {
        MemberKey other = new MemberKey(MemberId.parse("0192f0a0-0000-7000-8000-000000000002"), VECTORS.get("seal.key"));

        assertThat(other.open(new Sealed(VECTORS.get("seal.sealed.1")))).isEmpty();
    }

    @Test
    void thePhoneHashIsThePublishedOne() {
        assertThat(Phones.normalize(VECTORS.get("phone.typed"))).contains(VECTORS.get("phone.normalised"));
        assertThat(new PhoneLookup(VECTORS.get("phone.secret")).hash(VECTORS.get("phone.normalised")))
                .isEqualTo(VECTORS.get("phone.hash"));
    }
}
