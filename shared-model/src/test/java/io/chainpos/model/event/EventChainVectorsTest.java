package io.chainpos.model.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainpos.model.json.EventCodec;
import io.chainpos.model.json.MalformedEventException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The event chain's test vectors in docs/protocol.md (computed there with an independent implementation) against the
 * code: the hash the server takes of an event as received, and the one a till takes of the event it is about to push.
 */
class EventChainVectorsTest {
    private static final Map<String, String> VECTORS = new LinkedHashMap<>();
    private final EventCodec codec = EventCodec.standard();

    @BeforeAll
    static void readTheDocument() throws IOException {
        String text = Files.readString(Path.of("../docs/protocol.md"), StandardCharsets.UTF_8);
        for (String line : text.lines().toList()) {
            int eq = line.indexOf(" = ");
            if (line.startsWith("chain.") && eq > 0) {
                VECTORS.put(line.substring(0, eq), line.substring(eq + 3).strip());
            }
        }
        assertThat(VECTORS).containsKeys("chain.event.1", "chain.canonical.1", "chain.hash.1", "chain.event.2", "chain.hash.2",
                "chain.event.3", "chain.hash.3");
    }

    @Test
    void theCanonicalFormIsThePublishedOne() {
        assertThat(codec.canonical(codec.readTree(VECTORS.get("chain.event.1")))).isEqualTo(VECTORS.get("chain.canonical.1"));
    }

    @Test
    void eachEventHashesToThePublishedHashAsReceivedAndAsATillWritesIt() {
        for (int i = 1; i <= 3; i++) {
            String sent = VECTORS.get("chain.event." + i);
            String published = VECTORS.get("chain.hash." + i);

            assertThat(EventChain.hashOf(codec.canonical(codec.readTree(sent)))).as("event %d as received", i).isEqualTo(published);
            assertThat(codec.chainHash(codec.fromJson(sent))).as("event %d as a till writes it", i).isEqualTo(published);
            assertThat(EventChain.hashOf(codec.canonical(codec.readTree(codec.toJson(codec.fromJson(sent))))))
                    .as("event %d written by the codec and read back", i).isEqualTo(published);
        }
    }

    @Test
    void eachEventCarriesTheHashOfTheOneBeforeAndTheFirstCarriesZeros() {
        assertThat(codec.fromJson(VECTORS.get("chain.event.1")).prevHash()).isEqualTo("0".repeat(64)).isEqualTo(EventChain.GENESIS);
        assertThat(codec.fromJson(VECTORS.get("chain.event.2")).prevHash()).isEqualTo(VECTORS.get("chain.hash.1"));
        assertThat(codec.fromJson(VECTORS.get("chain.event.3")).prevHash()).isEqualTo(VECTORS.get("chain.hash.2"));
    }

    @Test
    void aChangedSaleHashesDifferently() {
        String altered = VECTORS.get("chain.event.2").replace("\"total\":2100", "\"total\":210");

        assertThat(EventChain.hashOf(codec.canonical(codec.readTree(altered)))).isNotEqualTo(VECTORS.get("chain.hash.2"));
    }

    @Test
    void anEventWithoutPrevHashIsNotChainedAndIsWrittenWithoutIt() {
        String unchained = VECTORS.get("chain.event.1").replaceFirst(",\"prevHash\":\"0+\"", "");

        EventEnvelope read = codec.fromJson(unchained);

        assertThat(read.prevHash()).isNull();
        assertThat(codec.toJson(read)).doesNotContain("prevHash");
        assertThat(codec.canonical(codec.toTree(read))).doesNotContain("prevHash");
    }

    @Test
    void aPrevHashThatIsNotAHashIsMalformed() {
        String wrong = VECTORS.get("chain.event.2").replace(VECTORS.get("chain.hash.1"), VECTORS.get("chain.hash.1").toUpperCase());

        assertThatThrownBy(() -> codec.fromJson(wrong)).isInstanceOf(MalformedEventException.class).hasMessageContaining("prevHash");
    }
}
