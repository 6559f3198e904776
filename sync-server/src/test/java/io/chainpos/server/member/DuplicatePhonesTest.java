package io.chainpos.server.member;

import static io.chainpos.server.testing.Facts.member;
import static io.chainpos.server.testing.Facts.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.server.Ports;
import io.chainpos.server.db.Storage;
import io.chainpos.server.log.IngestBatch;
import io.chainpos.server.log.IngestResult;
import io.chainpos.server.testing.Facts;
import io.chainpos.server.testing.Json;
import io.chainpos.server.testing.TestServer;
import io.chainpos.server.testing.TillWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The merge head office owes two members with one phone follows the projector's note of it, not the push: a server
 * stopped after the note committed and before publishing the merge publishes it when it starts again.
 */
class DuplicatePhonesTest {
    @TempDir
    Path dir;

    @Test
    void aSharedPhoneNotedBeforeTheServerStoppedIsMergedWhenItStartsAgain() {
        ManualClock clock = new ManualClock(TestServer.START);
        try (Storage storage = Storage.open(dir.resolve("chainpos.db").toString())) {
            Ports ports = Ports.on(storage, Json.CODEC, clock);
            ports.members().memberLookupSecret(Facts.LOOKUP_SECRET);
            store(ports, new TillWriter("S001", "S001-T1", 1, clock), registered(member(1), "13800138000", "王小明"));
            store(ports, new TillWriter("S002", "S002-T1", 1, clock), registered(member(2), "13800138000", "王晓明"));
            ports.projector().catchUp();
            assertThat(ports.phoneDuplicates().noted(10)).as("noted with the second registration").hasSize(1);
        } // stopped before anything published the merge

        try (TestServer server = TestServer.start(dir)) {
            TestServer.EnrolledTill c1 = server.enroll("S003", "S003-T1");

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(merges(c1))
                    .containsExactly(member(1) + " <- " + member(2)));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(server.ports.phoneDuplicates().noted(10))
                    .as("cleared once published").isEmpty());
            assertThat(server.ports.members().member(member(2)).orElseThrow().memberId()).isEqualTo(member(1).toString());
        }
    }

    private static void store(Ports ports, TillWriter till, io.chainpos.model.event.Event event) {
        List<EventEnvelope> events = till.next(List.of(event));
        ports.members().storeMemberKeys(Facts.keysOf(events));
        assertThat(ports.log().ingest(new IngestBatch(till.till, till.epoch, Json.incoming(events))))
                .isInstanceOf(IngestResult.Stored.class);
    }

    /** The merges a till pulls, as "survivor <- merged". */
    private static List<String> merges(TestServer.EnrolledTill till) {
        List<String> merges = new ArrayList<>();
        for (JsonNode e : till.api().get("/api/v1/sync/pull?limit=1000").json().get("events")) {
            if (e.get("type").asText().equals("MembersMerged")) {
                merges.add(e.get("payload").get("memberId").asText() + " <- " + e.get("payload").get("mergedId").asText());
            }
        }
        return merges;
    }
}
