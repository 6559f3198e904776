package io.chainpos.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainpos.model.event.Event;
import io.chainpos.model.event.EventChain;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.EventTypes;
import io.chainpos.model.event.LoyaltyRulesPublished;
import io.chainpos.model.event.PointsChanged;
import io.chainpos.model.event.SaleRefunded;
import io.chainpos.model.event.UnknownEvent;
import io.chainpos.model.id.TillId;
import io.chainpos.model.sync.PullResponse;
import io.chainpos.model.sync.PushRequest;
import io.chainpos.model.testing.SampleEvents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventCodecTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private final EventCodec codec = EventCodec.standard();

    static Stream<Arguments> samples() {
        return SampleEvents.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @Test
    void everyKnownTypeHasASample() {
        assertThat(SampleEvents.all().keySet())
                .containsExactlyElementsOf(EventTypes.ALL.stream().map(EventTypes.Type::name).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyTypeRoundTrips(String type, Event payload) {
        EventEnvelope envelope = SampleEvents.envelope(payload, 5);

        EventEnvelope back = codec.fromJson(codec.toJson(envelope));

        assertThat(back).isEqualTo(envelope);
        assertThat(back.type()).isEqualTo(type);
        assertThat(back.isUnknown()).isFalse();
    }

    /**
     * Locks each stored shape: changing a payload without a new version and an upcaster fails here. Nothing
     * switches the lock off; a missing file is written once by {@link NewGoldenFiles}, which never overwrites.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyTypeMatchesItsGoldenFile(String type, Event payload) throws IOException {
        EventEnvelope envelope = SampleEvents.envelope(payload, 5);
        int version = EventTypes.typeOf(payload).version();
        Path golden = GOLDEN.resolve(type + ".v" + version + ".json");
        String written = codec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(codec.toTree(envelope));
        assertThat(golden).as("golden file for %s (a new type or version: write it with NewGoldenFiles, see the golden "
                + "folder's README, then review)", type).exists();

        String stored = Files.readString(golden, StandardCharsets.UTF_8);

        assertThat(codec.canonical(codec.readTree(written))).isEqualTo(codec.canonical(codec.readTree(stored)));
        assertThat(codec.fromJson(stored)).isEqualTo(envelope);
    }

    @Test
    void unknownTypeIsKeptExactlyAsItCame() {
        String json = """
                {"eventId":"0192f0a0-0000-7000-8000-000000000999","storeId":"S009","tillId":"S009-T2","tillEpoch":3,
                 "tillSeq":77,"hlc":123456789,"occurredAt":"2026-11-23T03:15:30.250Z","type":"GiftCardActivated",
                 "schemaVersion":1,"payload":{"cardNo":"GC-1","amount":5000,"nested":{"b":[1,2],"a":null}}}
                """;

        EventEnvelope envelope = codec.fromJson(json);

        assertThat(envelope.isUnknown()).isTrue();
        assertThat(((UnknownEvent) envelope.payload()).why()).contains("unknown event type GiftCardActivated");
        assertThat(codec.canonical(codec.toTree(envelope))).isEqualTo(codec.canonical(codec.readTree(json)));
    }

    @Test
    void newerVersionOfAKnownTypeIsKeptNotMisread() {
        ObjectNode tree = codec.toTree(SampleEvents.envelope(SampleEvents.all().get("PointsChanged"), 9));
        tree.put("schemaVersion", 2);
        ((ObjectNode) tree.get("payload")).put("lotExpiresOn", "2027-12-31");

        EventEnvelope envelope = codec.fromTree(tree);

        assertThat(envelope.payload()).isInstanceOf(UnknownEvent.class);
        assertThat(envelope.type()).isEqualTo("PointsChanged");
        assertThat(envelope.schemaVersion()).isEqualTo(2);
        assertThat(((UnknownEvent) envelope.payload()).why()).contains("newer than this build reads (1)");
        assertThat(codec.canonical(codec.toTree(envelope))).isEqualTo(codec.canonical(tree));
    }

    @Test
    void oldVersionIsReadForwardThroughItsUpcaster() {
        // A build where PointsChanged is at version 2, which renamed "delta" to "points".
        EventSchema v2 = EventSchema.standard().withUpcaster("PointsChanged", 1, payload -> {
            payload.set("points", payload.remove("delta"));
            return payload;
        });
        EventSchema v3 = v2.withUpcaster("PointsChanged", 2, payload -> {
            payload.set("delta", payload.remove("points"));
            return payload;
        });
        ObjectNode v1Json = codec.toTree(SampleEvents.envelope(SampleEvents.all().get("PointsChanged"), 9));

        EventEnvelope read = new EventCodec(v3).fromTree(v1Json);

        assertThat(read.payload()).isEqualTo(SampleEvents.all().get("PointsChanged"));
        assertThat(new EventCodec(v3).toTree(read).get("schemaVersion").asInt()).isEqualTo(3);
    }

    @Test
    void aRefundRecordedAtVersionOneIsReadForwardWithNoRefundNumber() throws IOException {
        String v1 = Files.readString(GOLDEN.resolve("SaleRefunded.v1.json"), StandardCharsets.UTF_8);
        SaleRefunded now = (SaleRefunded) SampleEvents.all().get("SaleRefunded");

        EventEnvelope read = codec.fromJson(v1);

        assertThat(read.schemaVersion()).isEqualTo(2);
        assertThat(read.payload()).isEqualTo(new SaleRefunded(now.refundId(), now.originalSaleId(), now.currency(), now.lines(),
                now.total(), now.tenders(), now.reason(), now.approvedBy(), null));
    }

    @Test
    void aVersionWithNoPathForwardIsKeptAsUnknown() {
        EventSchema skipsOne = EventSchema.standard().withUpcaster("PointsChanged", 2, payload -> payload);
        ObjectNode v1Json = codec.toTree(SampleEvents.envelope(SampleEvents.all().get("PointsChanged"), 9));

        EventEnvelope read = new EventCodec(skipsOne).fromTree(v1Json);

        assertThat(read.payload()).isInstanceOf(UnknownEvent.class);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("[]", "must be a JSON object"),
                Arguments.of("{", "not valid JSON"),
                Arguments.of(mutate(n -> n.remove("eventId")), "eventId is missing"),
                Arguments.of(mutate(n -> n.put("eventId", "not-a-uuid")), "eventId is not a UUID"),
                Arguments.of(mutate(n -> n.put("tillSeq", 0)), "tillSeq must be at least 1"),
                Arguments.of(mutate(n -> n.put("tillSeq", "5")), "tillSeq must be an integer"),
                Arguments.of(mutate(n -> n.put("storeId", "S 001")), "StoreId must be"),
                Arguments.of(mutate(n -> n.put("occurredAt", "yesterday")), "occurredAt is not an ISO-8601 instant"),
                Arguments.of(mutate(n -> n.put("payload", "x")), "payload must be a JSON object"),
                Arguments.of(mutate(n -> ((ObjectNode) n.get("payload")).put("delta", 1.5)), "PointsChanged payload"),
                Arguments.of(mutate(n -> ((ObjectNode) n.get("payload")).put("delta", "21")), "PointsChanged payload"),
                Arguments.of(mutate(n -> ((ObjectNode) n.get("payload")).remove("memberId")), "memberId"),
                Arguments.of(mutate(n -> ((ObjectNode) n.get("payload")).put("reason", "STOLEN")), "PointsChanged payload"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformed")
    void malformedEventsAreRefusedWithAClearReason(String json, String reason) {
        assertThatThrownBy(() -> codec.fromJson(json))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void protocolMessagesCarryEventsIncludingUnknownOnes() {
        EventEnvelope known = SampleEvents.envelope(SampleEvents.all().get("SaleCompleted"), 1);
        ObjectNode unknownTree = codec.toTree(SampleEvents.envelope(SampleEvents.all().get("StockChanged"), 2));
        unknownTree.put("type", "StockReserved");
        EventEnvelope unknown = codec.fromTree(unknownTree);

        PushRequest push = codec.read(codec.write(new PushRequest(new TillId("S001-T1"), 1, List.of(known, unknown))),
                PushRequest.class);
        PullResponse pull = codec.read(codec.write(new PullResponse(List.of(known, unknown), 42, true)),
                PullResponse.class);

        assertThat(push.events()).containsExactly(known, unknown);
        assertThat(pull.events()).containsExactly(known, unknown);
        assertThat(pull.next()).isEqualTo(42);
    }

    @Test
    void aMalformedEventInsideAMessageIsReportedWithItsPlace() {
        String body = """
                {"tillId":"S001-T1","tillEpoch":1,"events":[{"eventId":"nope"}]}""";

        assertThatThrownBy(() -> codec.read(body, PushRequest.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("eventId is not a UUID");
    }

    /**
     * The till stores and hashes {@code toCanonicalJson}, written without a tree; the server hashes the canonical
     * form of the tree it parsed. The two must be the same text for every type, with and without a link.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void theCanonicalTextWrittenStraightIsTheCanonicalFormOfTheTree(String type, Event payload) {
        EventEnvelope first = SampleEvents.envelope(payload, 1);
        EventEnvelope linked = first.withPrevHash(EventChain.hashOf(codec.canonical(codec.toTree(first))));

        for (EventEnvelope envelope : List.of(first, linked)) {
            String straight = codec.toCanonicalJson(envelope);
            assertThat(straight).isEqualTo(codec.canonical(codec.toTree(envelope)))
                    .isEqualTo(codec.canonical(codec.readTree(codec.toJson(envelope))));
            assertThat(codec.fromJson(straight)).isEqualTo(envelope);
        }
    }

    @Test
    void onlyPayloadsHoldingATypeIdAreWrittenThroughATree() {
        assertThat(PolymorphicParts.in(io.chainpos.model.event.PromotionsPublished.class)).isTrue();
        assertThat(PolymorphicParts.in(io.chainpos.model.event.SaleCompleted.class)).isFalse();
        assertThat(PolymorphicParts.in(PointsChanged.class)).isFalse();
        assertThat(PolymorphicParts.in(LoyaltyRulesPublished.class)).isFalse();
    }

    @Test
    void mapsAndNullsInAPayloadAreWrittenCanonicallyWhateverTheirOrder() {
        Map<String, Integer> multipliers = new LinkedHashMap<>();
        multipliers.put("SNACKS", 15000);
        multipliers.put("DRINKS", 20000);
        multipliers.put("BAKERY", 12000);
        EventEnvelope envelope = SampleEvents.envelope(new LoyaltyRulesPublished(2, Instant.parse("2026-12-01T00:00:00Z"), 1,
                multipliers, List.of(), 0, 1, 0, 0, 60), 3);

        String straight = codec.toCanonicalJson(envelope);

        assertThat(straight).contains("\"categoryMultipliers\":{\"BAKERY\":12000,\"DRINKS\":20000,\"SNACKS\":15000}")
                .doesNotContain("null").doesNotContain("offlineStoredValueCap")
                .isEqualTo(codec.canonical(codec.toTree(envelope)));
        assertThat(codec.chainHash(envelope)).isEqualTo(EventChain.hashOf(codec.canonical(codec.toTree(envelope))));
    }

    @Test
    void canonicalFormIgnoresKeyOrderAndNulls() {
        JsonNode a = codec.readTree("{\"b\":1,\"a\":{\"y\":[1,{\"q\":null,\"p\":2}],\"x\":null}}");
        JsonNode b = codec.readTree("{\"a\":{\"y\":[1,{\"p\":2}]},\"b\":1}");

        assertThat(codec.canonical(a)).isEqualTo(codec.canonical(b)).isEqualTo("{\"a\":{\"y\":[1,{\"p\":2}]},\"b\":1}");
        assertThat(codec.canonical(codec.readTree("{\"b\":2}"))).isNotEqualTo(codec.canonical(codec.readTree("{\"b\":1}")));
    }

    @Test
    void aPromotionKindFromANewerHeadOfficeIsKeptAsUnknownNotRefused() {
        ObjectNode tree = codec.toTree(SampleEvents.envelope(SampleEvents.all().get("PromotionsPublished"), 4));
        ObjectNode rule = (ObjectNode) tree.get("payload").get("promotions").get(0).get("rule");
        rule.removeAll();
        rule.put("kind", "LUCKY_DRAW").put("odds", 7);

        io.chainpos.model.event.PromotionsPublished read =
                (io.chainpos.model.event.PromotionsPublished) codec.fromTree(tree).payload();

        assertThat(read.promotions().getFirst().rule())
                .isEqualTo(new io.chainpos.model.promotion.Rule.UnknownRule("LUCKY_DRAW"));
        assertThat(codec.toTree(SampleEvents.envelope(read, 4)).get("payload").get("promotions").get(0).get("rule")
                .get("kind").asText()).isEqualTo("LUCKY_DRAW");
    }

    private static String mutate(java.util.function.Consumer<ObjectNode> change) {
        EventCodec codec = EventCodec.standard();
        ObjectNode tree = codec.toTree(SampleEvents.envelope(SampleEvents.all().get("PointsChanged"), 3));
        change.accept(tree);
        return tree.toString();
    }

}
