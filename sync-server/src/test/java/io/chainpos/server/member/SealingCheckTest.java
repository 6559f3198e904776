package io.chainpos.server.member;

import static io.chainpos.server.testing.Facts.member;
import static io.chainpos.server.testing.Facts.registered;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainpos.model.event.Gender;
import io.chainpos.model.id.CardNo;
import io.chainpos.model.member.MemberKey;
import io.chainpos.model.member.PersonalData;
import io.chainpos.model.sync.SyncException;
import io.chainpos.server.testing.Facts;
import io.chainpos.server.testing.Json;
import io.chainpos.server.testing.TestServer;
import io.chainpos.server.testing.TestServer.EnrolledTill;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registration whose sealed fields do not open with the key uploaded for it, or whose key does not come within
 * the deadline, is reported in head office's exceptions; one that opens is not. {@code SealingCheckOnPostgresTest}
 * runs the same on PostgreSQL.
 */
class SealingCheckTest {
    private static final Duration DEADLINE = Duration.ofHours(1);
    @TempDir
    Path dir;
    TestServer server;
    EnrolledTill till;

    TestServer startServer(Path folder) {
        return TestServer.start(folder);
    }

    @BeforeEach
    void start() {
        server = startServer(dir);
        till = server.enroll("S001", "S001-T1");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aRegistrationSealedWithAnotherKeyOrWhoseKeyNeverComesIsReported() {
        // Member 1: sealed with its key, which comes with the push. Member 2: sealed with a key nobody uploads, while
        // the till uploads another for it. Member 3: its key never comes.
        MemberKey stray = MemberKey.generate(member(2));
        var wrongKey = new PersonalData("13700000002", "错钥匙", null).register(stray, Facts.LOOKUP, Gender.UNSPECIFIED,
                CardNo.of("88000000000002"), "NORMAL", true);
        assertThat(till.push(till.writer().next(List.of(registered(member(1), "13700000001", "对钥匙"), wrongKey)))
                .status()).isEqualTo(200);
        assertThat(till.api().post("/api/v1/sync/push", Json.push(till.writer(),
                till.writer().next(List.of(registered(member(3), "13700000003", "没钥匙"))))).status()).isEqualTo(200);

        List<SyncException> first = server.ports.sealing().run(server.clock.instant(), DEADLINE);

        assertThat(first).extracting(SyncException::kind, SyncException::memberId, SyncException::tillId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SyncException.Kind.SEALING_BROKEN, member(2).toString(), "S001-T1"));
        server.clock.advance(DEADLINE.minusMinutes(1));
        assertThat(server.ports.sealing().run(server.clock.instant(), DEADLINE)).as("not due yet").isEmpty();
        server.clock.advance(Duration.ofMinutes(1));
        assertThat(server.ports.sealing().run(server.clock.instant(), DEADLINE))
                .extracting(SyncException::kind, SyncException::memberId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SyncException.Kind.MEMBER_KEY_MISSING, member(3).toString()));
        assertThat(server.ports.sealing().run(server.clock.instant(), DEADLINE)).as("each is reported once").isEmpty();

        JsonNode listed = server.headOffice().get("/api/v1/exceptions").json().get("exceptions");
        assertThat(listed).filteredOn(e -> e.get("kind").asText().startsWith("SEALING") || e.get("kind").asText().startsWith("MEMBER_KEY"))
                .extracting(e -> e.get("kind").asText() + " " + e.get("memberId").asText())
                .containsExactlyInAnyOrder("SEALING_BROKEN " + member(2), "MEMBER_KEY_MISSING " + member(3));
        assertThat(listed.toString()).doesNotContain("13700000002", "错钥匙", "没钥匙");
    }

    @Test
    void aKeyThatComesLateIsCheckedWhenItComes() {
        assertThat(till.api().post("/api/v1/sync/push", Json.push(till.writer(),
                till.writer().next(List.of(registered(member(4), "13700000004", "迟到"))))).status()).isEqualTo(200);
        server.clock.advance(DEADLINE);
        assertThat(server.ports.sealing().run(server.clock.instant(), DEADLINE)).extracting(SyncException::kind)
                .containsExactly(SyncException.Kind.MEMBER_KEY_MISSING);

        till.api().put("/api/v1/members/keys", Json.CODEC.write(new io.chainpos.model.sync.MemberKeys(
                List.of(MemberKey.generate(member(4))))));

        assertThat(server.ports.sealing().run(server.clock.instant(), DEADLINE)).extracting(SyncException::kind)
                .as("the late key is not the one it was sealed with").containsExactly(SyncException.Kind.SEALING_BROKEN);
    }
}
