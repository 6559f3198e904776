package io.chainpos.server.member;

import static io.chainpos.server.testing.Facts.key;
import static io.chainpos.server.testing.Facts.member;
import static io.chainpos.server.testing.Facts.points;
import static io.chainpos.server.testing.Facts.registered;
import static io.chainpos.server.testing.Facts.storedValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.member.MemberKey;
import io.chainpos.model.sync.MemberIds;
import io.chainpos.model.sync.MemberKeys;
import io.chainpos.model.sync.MemberView;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.server.testing.Api;
import io.chainpos.server.testing.DatabaseText;
import io.chainpos.server.testing.TillWriter;
import io.chainpos.server.testing.Facts;
import io.chainpos.server.testing.Json;
import io.chainpos.server.testing.TestServer;
import io.chainpos.server.testing.TestServer.EnrolledTill;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4 on the server: the key channel, the duplicate-phone merge head office publishes, history, export and
 * erasure, through the HTTP API. {@code MemberPrivacyApiOnPostgresTest} runs the same on PostgreSQL.
 */
class MemberPrivacyApiTest {
    @TempDir
    Path dir;
    TestServer server;
    EnrolledTill a1;
    EnrolledTill b1;
    Api headOffice;

    TestServer startServer(Path folder) {
        return TestServer.start(folder);
    }

    @BeforeEach
    void start() {
        server = startServer(dir);
        a1 = server.enroll("S001", "S001-T1");
        b1 = server.enroll("S002", "S002-T1");
        headOffice = server.headOffice();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theSamePhoneRegisteredAtTwoStoresBecomesOneMemberThroughAnExplicitMerge() {
        assertThat(a1.push(a1.writer().next(List.of(registered(member(1), "13800138000", "王小明"), points(member(1), 120),
                storedValue(member(1), 5_000)))).status()).isEqualTo(200);
        assertThat(b1.push(b1.writer().next(List.of(registered(member(2), "138 0013 8000".replace(" ", ""), "王晓明"),
                points(member(2), 30)))).status()).isEqualTo(200);

        // Published once the projector has merged both registrations, beside the pushes, which answered without waiting.
        List<JsonNode> merges = new ArrayList<>();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
            merges.clear();
            a1.api().get("/api/v1/sync/pull?limit=1000").json().get("events").forEach(e -> {
                if (e.get("type").asText().equals("MembersMerged")) {
                    merges.add(e);
                }
            });
            return !merges.isEmpty();
        });
        assertThat(merges).hasSize(1);
        assertThat(merges.getFirst().get("tillId").asText()).isEqualTo("HQ");
        assertThat(merges.getFirst().get("payload").get("memberId").asText()).isEqualTo(member(1).toString());
        assertThat(merges.getFirst().get("payload").get("mergedId").asText()).isEqualTo(member(2).toString());
        assertThat(merges.getFirst().toString()).doesNotContain("13800138000");

        MemberView byOldId = ReadApiTest.memberOf(b1.api().get("/api/v1/members/" + member(2)));
        MemberView byPhone = ReadApiTest.memberOf(b1.api().memberByPhone("13800138000"));
        assertThat(byOldId).isEqualTo(byPhone);
        assertThat(byOldId.memberId()).isEqualTo(member(1).toString());
        assertThat(byOldId.pointsBalance()).isEqualTo(150);
        assertThat(byOldId.storedValueBalance()).isEqualTo(5_000);
        assertThat(byOldId.name()).as("the later write, opened with its own member's key").isEqualTo("王晓明");

        // The history of either id is the whole family's, found through the member index.
        JsonNode history = b1.api().get("/api/v1/members/" + member(2) + "/history").json();
        assertThat(history.get("memberIds")).extracting(JsonNode::asText).containsExactlyInAnyOrder(member(1).toString(), member(2).toString());
        assertThat(history.get("entries")).extracting(e -> e.get("type").asText() + "@" + e.get("storeId").asText())
                .containsExactly("MemberRegistered@S001", "PointsChanged@S001", "StoredValueChanged@S001", "MemberRegistered@S002",
                        "PointsChanged@S002", "MembersMerged@HQ");

        // Pushing the same again merges nothing more.
        assertThat(b1.push(b1.writer().next(List.of(points(member(2), 1)))).status()).isEqualTo(200);
        long mergesNow = countType(a1.api().get("/api/v1/sync/pull?limit=1000").json(), "MembersMerged");
        assertThat(mergesNow).isEqualTo(1);
    }

    @Test
    void keysTravelBesideTheEventsFirstKeyWinsAndOnlyTillsMayUseTheChannel() {
        a1.push(a1.writer().next(List.of(registered(member(1), "13800138000", "王小明"))));
        MemberKey forged = MemberKey.generate(member(1));

        assertThat(b1.api().put("/api/v1/members/keys", Json.CODEC.write(new MemberKeys(List.of(forged)))).json()
                .get("stored").asInt()).isZero();
        MemberKeys fetched = Json.CODEC.read(b1.api().post("/api/v1/members/keys/lookup",
                Json.CODEC.write(new MemberIds(List.of(member(1), member(9))))).body(), MemberKeys.class);
        assertThat(fetched.keys()).containsExactly(key(member(1)));
        assertThat(headOffice.post("/api/v1/members/keys/lookup", Json.CODEC.write(new MemberIds(List.of(member(1)))))
                .status()).isEqualTo(403);
        assertThat(server.anonymous().post("/api/v1/members/keys/lookup", "{\"memberIds\":[]}").status()).isEqualTo(401);
        assertThat(b1.api().post("/api/v1/members/keys/lookup", "{not json").status()).isEqualTo(400);
    }

    @Test
    void historyAcrossStoresForATillAndExportForHeadOfficeOnly() {
        SaleCompleted sale = Facts.sale("S002-T1-1-000001", "690001", 700);
        SaleCompleted withMember = new SaleCompleted(sale.saleId(), sale.receiptNo(), member(1), sale.currency(), sale.lines(),
                sale.promotionsApplied(), sale.subtotal(), sale.discountTotal(), sale.total(), sale.tenders(), sale.change(),
                sale.priceListVersion(), sale.cashier());
        a1.push(a1.writer().next(List.of(registered(member(1), "13800138000", "王小明"), points(member(1), 120))));
        b1.push(b1.writer().next(List.of(withMember, points(member(1), 7), Facts.renamed(member(1), "王明"))));

        JsonNode history = b1.api().get("/api/v1/members/" + member(1) + "/history").json();
        assertThat(history.get("entries")).extracting(e -> e.get("type").asText() + "@" + e.get("storeId").asText())
                .containsExactly("MemberRegistered@S001", "PointsChanged@S001", "SaleCompleted@S002", "PointsChanged@S002",
                        "MemberProfileChanged@S002");
        assertThat(history.get("entries").get(0).get("fields").get("name").asText()).isEqualTo("王小明");
        assertThat(history.get("entries").get(4).get("fields").get("name").asText()).isEqualTo("王明");
        assertThat(history.toString()).doesNotContain("phoneHash");

        assertThat(b1.api().get("/api/v1/members/" + member(1) + "/export").status()).isEqualTo(403);
        JsonNode export = headOffice.get("/api/v1/members/" + member(1) + "/export").json();
        assertThat(export.get("profile").get("name").asText()).isEqualTo("王明");
        assertThat(export.get("profile").get("phone").asText()).isEqualTo("13800138000");
        assertThat(export.get("profile").has("phoneHash")).isFalse();
        assertThat(export.get("pointsBalance").asLong()).isEqualTo(127);
        assertThat(export.get("history")).hasSize(5);
        assertThat(headOffice.get("/api/v1/members/" + member(5) + "/export").status()).isEqualTo(404);
        assertThat(headOffice.get("/api/v1/members/" + member(5) + "/history").status()).isEqualTo(404);
    }

    @Test
    void erasureIsHeadOfficesDestroysTheKeyAndKeepsTheSums() {
        a1.push(a1.writer().next(List.of(registered(member(1), "13800138000", "王小明"), points(member(1), 120),
                storedValue(member(1), 5_000))));

        assertThat(a1.api().post("/api/v1/members/" + member(1) + "/erase", "").status()).isEqualTo(403);
        assertThat(headOffice.post("/api/v1/members/" + member(7) + "/erase", "").status()).isEqualTo(404);
        assertThat(headOffice.post("/api/v1/members/" + member(1) + "/erase", "").status()).isEqualTo(200);

        MemberView after = ReadApiTest.memberOf(a1.api().get("/api/v1/members/" + member(1)));
        assertThat(after.name()).isNull();
        assertThat(after.phone()).isNull();
        assertThat(after.pointsBalance()).isEqualTo(120);
        assertThat(after.storedValueBalance()).isEqualTo(5_000);
        assertThat(a1.api().memberByPhone("13800138000").status()).isEqualTo(404);
        assertThat(server.ports.members().memberKeys(List.of(member(1)))).isEmpty();
        // A till offline during the erasure: its late key and profile change bring nothing back.
        a1.push(a1.writer().next(List.of(Facts.renamed(member(1), "回来了"), Facts.newPhone(member(1), "13900000000"))));
        MemberView later = ReadApiTest.memberOf(a1.api().get("/api/v1/members/" + member(1)));
        assertThat(later.name()).isNull();
        assertThat(later.phone()).isNull();
        assertThat(a1.api().memberByPhone("13900000000").status()).isEqualTo(404);
        // A rebuild from the log ends the same: the key stays destroyed, the sums stay.
        server.ports.log().rebuildProjections();
        MemberView rebuilt = ReadApiTest.memberOf(a1.api().get("/api/v1/members/" + member(1)));
        assertThat(rebuilt).isEqualTo(later);
        assertThat(server.ports.members().balanceTotals()).isEqualTo(new io.chainpos.server.member.Members.BalanceTotals(120, 5_000));
    }

    @Test
    void aRefusedRegistrationInTheClearKeepsItsEnvelopeButNotThePerson() {
        List<EventEnvelope> events = a1.writer().next(List.of(registered(member(3), "13800138000", "王小明"), points(member(3), 9)));
        List<JsonNode> nodes = events.stream().map(e -> (JsonNode) Json.CODEC.toTree(e)).toList();
        // The shape first described: the phone and the name in the clear, under schemaVersion 1.
        ObjectNode payload = (ObjectNode) nodes.getFirst().get("payload");
        payload.put("phone", "13800138000").put("name", "王小明").put("birthday", "1990-05-17").remove("phoneHash");

        Api.Reply reply = a1.api().post("/api/v1/sync/push", Json.push(a1.writer().till.value(), 1, nodes));

        assertThat(reply.status()).as(reply.body()).isEqualTo(409);
        assertThat(reply.body()).contains(events.getFirst().eventId().toString(), "REFUSED").doesNotContain("13800138000", "王小明");
        List<String> quarantine = DatabaseText.rows(server.storage.database(), "quarantine");
        assertThat(quarantine).singleElement().satisfies(row -> assertThat(row)
                .contains(events.getFirst().eventId().toString(), "MemberRegistered", "S001-T1", "REFUSED", "its content cannot be read")
                .doesNotContain("13800138000", "王小明", "1990-05-17", "38001"));
        assertThat(DatabaseText.everyTable(server.storage.database())).as("every table of the server")
                .noneMatch(row -> row.contains("13800138000") || row.contains("王小明") || row.contains("1990-05-17"));
        assertThat(a1.api().post("/api/v1/sync/push", Json.push(a1.writer().till.value(), 1, nodes)).json()
                .get("duplicates").asInt()).as("the same refused event sent again is a repeat").isEqualTo(2);
    }

    @Test
    void erasureReachesEveryTableTheQuarantineIncluded() {
        List<EventEnvelope> first = a1.writer().next(List.of(registered(member(4), "13700137000", "李雷雷")));
        a1.push(first);
        // The same till seq sent again with other content (a restored backup): both copies set apart.
        List<EventEnvelope> reused = new TillWriter("S001", "S001-T1", 1, server.clock)
                .next(List.of(Facts.renamed(member(4), "李雷雷")));
        assertThat(a1.api().post("/api/v1/sync/push", Json.push(a1.writer().till.value(), 1,
                reused.stream().map(e -> (JsonNode) Json.CODEC.toTree(e)).toList())).status()).isEqualTo(409);
        assertThat(DatabaseText.rows(server.storage.database(), "quarantine")).as("the search finds the quarantined row").hasSize(1);

        assertThat(headOffice.post("/api/v1/members/" + member(4) + "/erase", "").status()).isEqualTo(200);

        assertThat(DatabaseText.everyTable(server.storage.database())).as("every table of the server").isNotEmpty()
                .noneMatch(row -> row.contains("13700137000") || row.contains("李雷雷"));
        assertThat(DatabaseText.rows(server.storage.database(), "quarantine")).singleElement()
                .satisfies(row -> assertThat(row).contains("KEY_REUSED", "MemberProfileChanged")
                        .as("no sealed field either").doesNotContain("m1."));
    }

    private static long countType(JsonNode pulled, String type) {
        long n = 0;
        for (JsonNode e : pulled.get("events")) {
            if (e.get("type").asText().equals(type)) {
                n++;
            }
        }
        return n;
    }
}
