package io.chainpos.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.PointsChanged;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.testing.SampleEvents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Events written by the previous release, and in the first v1 shapes, are read by this one. */
class PreviousReleaseTest {
    private static final Path PREVIOUS = Path.of("src/test/resources/golden-previous");
    private final EventCodec codec = EventCodec.standard();

    static Stream<Path> previousGoldenFiles() throws IOException {
        try (Stream<Path> files = Files.list(PREVIOUS)) {
            List<Path> json = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            return json.stream();
        }
    }

    /** Types added since the previous release (0.1.0): it could not have written them. Emptied at a release. */
    private static final java.util.Set<String> NEW_SINCE_PREVIOUS_RELEASE =
            java.util.Set.of("StockReceived", "TransferSent", "TransferReceived", "TransferCancelled");

    @Test
    void thePreviousReleaseHadAGoldenFileForEveryTypeItKnew() throws IOException {
        List<String> known = SampleEvents.all().keySet().stream()
                .filter(type -> !NEW_SINCE_PREVIOUS_RELEASE.contains(type)).sorted().toList();
        List<String> previous = previousGoldenFiles()
                .map(f -> f.getFileName().toString().replaceAll("\\.v\\d+\\.json$", "")).sorted().toList();
        assertThat(previous).isEqualTo(known);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("previousGoldenFiles")
    void everyEventOfThePreviousReleaseIsReadAsTheSameFact(Path file) throws IOException {
        String stored = Files.readString(file, StandardCharsets.UTF_8);

        EventEnvelope read = codec.fromJson(stored);

        assertThat(read.isUnknown()).as(read.type() + " read as known").isFalse();
        com.fasterxml.jackson.databind.node.ObjectNode was = (com.fasterxml.jackson.databind.node.ObjectNode)
                codec.readTree(stored);
        com.fasterxml.jackson.databind.node.ObjectNode now = (com.fasterxml.jackson.databind.node.ObjectNode) codec.toTree(read);
        // a type that has moved on since (SaleRefunded 2) is read forward: a newer version, the same fact
        assertThat(now.get("schemaVersion").asInt()).isGreaterThanOrEqualTo(was.get("schemaVersion").asInt());
        was.remove("schemaVersion");
        now.remove("schemaVersion");
        assertThat(codec.canonical(now)).isEqualTo(codec.canonical(was));
    }

    @Test
    void aSaleOfTheFirstShapeIsInYuan() throws IOException {
        EventEnvelope read = codec.fromJson(Files.readString(PREVIOUS.resolve("first-shapes/SaleCompleted.v1.json")));

        assertThat(read.isUnknown()).isFalse();
        SaleCompleted sale = (SaleCompleted) read.payload();
        assertThat(sale.currency()).isEqualTo("CNY");
        EventEnvelope current = codec.fromJson(Files.readString(PREVIOUS.resolve("SaleCompleted.v1.json")));
        assertThat(read.payload()).as("the same sale as the release that wrote currency").isEqualTo(current.payload());
    }

    @Test
    void pointsOfTheFirstShapeCountNothingTowardsATier() throws IOException {
        EventEnvelope read = codec.fromJson(Files.readString(PREVIOUS.resolve("first-shapes/PointsChanged.v1.json")));

        PointsChanged points = (PointsChanged) read.payload();
        assertThat(points.qualifyingSpend()).isZero();
        PointsChanged current = (PointsChanged) codec.fromJson(Files.readString(PREVIOUS.resolve("PointsChanged.v1.json"))).payload();
        assertThat(points.delta()).isEqualTo(current.delta());
        assertThat(points.memberId()).isEqualTo(current.memberId());
    }
}
