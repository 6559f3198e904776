package io.chainpos.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The canonical form is written straight from the tree (issue 5, for ingest speed). It must be exactly the
 * text the sorted copy serializes to, or events stored before would no longer compare equal to the same
 * events sent again.
 */
class CanonicalJsonTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final EventCodec codec = EventCodec.standard();
    private final Random random = new Random(97);

    @Test
    void writingStraightFromTheTreeGivesTheSameTextAsTheSortedCopy() throws Exception {
        for (int i = 0; i < 2_000; i++) {
            JsonNode node = randomNode(0);
            String copied = codec.mapper().writeValueAsString(CanonicalJson.of(node));

            assertThat(codec.canonical(node)).as(node.toString()).isEqualTo(copied);
        }
    }

    @Test
    void keysAreSortedAndNullsDropped() {
        ObjectNode node = NODES.objectNode();
        node.put("b", 1);
        node.putNull("c");
        node.putObject("a").put("z", "会员").put("y", new BigDecimal("1.50"));

        assertThat(codec.canonical(node)).isEqualTo("{\"a\":{\"y\":1.50,\"z\":\"会员\"},\"b\":1}");
    }

    private JsonNode randomNode(int depth) {
        int kind = depth > 4 ? 4 + random.nextInt(7) : random.nextInt(11);
        return switch (kind) {
            case 0, 1 -> {
                ObjectNode object = NODES.objectNode();
                for (int i = 0, n = random.nextInt(6); i < n; i++) {
                    object.set(key(), randomNode(depth + 1));
                }
                yield object;
            }
            case 2, 3 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = 0, n = random.nextInt(5); i < n; i++) {
                    array.add(randomNode(depth + 1));
                }
                yield array;
            }
            case 4 -> NODES.numberNode(random.nextLong());
            case 5 -> NODES.numberNode(random.nextInt());
            case 6 -> NODES.numberNode(new BigInteger(80, random));
            case 7 -> NODES.numberNode(random.nextDouble() * 1e6);
            case 8 -> NODES.numberNode(new BigDecimal(random.nextInt(100_000)).movePointLeft(random.nextInt(5)));
            case 9 -> random.nextBoolean() ? NODES.booleanNode(random.nextBoolean()) : NODES.nullNode();
            default -> NODES.textNode(text());
        };
    }

    private String key() {
        return "k" + (char) ('a' + random.nextInt(26)) + random.nextInt(10);
    }

    private String text() {
        String alphabet = "ab会员积分\"\\\n\t\u0001\u2028😀 ";
        StringBuilder text = new StringBuilder();
        for (int i = 0, n = random.nextInt(12); i < n; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
