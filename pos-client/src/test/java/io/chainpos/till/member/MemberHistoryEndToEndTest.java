package io.chainpos.till.member;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.TillMessage;
import io.chainpos.till.sync.OkHttpSyncApi;
import io.chainpos.till.testing.RealServer;
import io.chainpos.till.testing.SyncedTill;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A member's history at store B: every store's from the server when it answers, B's own ledger when it does not. */
class MemberHistoryEndToEndTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T03:00:00Z"));
    @TempDir
    Path dir;

    @Test
    void fromTheServerWhenOnlineFromTheLedgerWhenNotAndTheAnswerSaysWhich() throws Exception {
        AtomicReference<URI> address = new AtomicReference<>();
        try (RealServer server = RealServer.startWithDemoData(dir.resolve("server"), clock)) {
            address.set(server.uri());
            try (SyncedTill a = SyncedTill.enroll(dir.resolve("a.db"), clock, address::get, server.enrollmentCode("S001", "S001-T1"));
                 SyncedTill b = SyncedTill.enroll(dir.resolve("b.db"), clock, address::get, server.enrollmentCode("S002", "S002-T1"))) {
                a.sync();
                Member member = a.register("13711112222", "林小雨");
                a.sell(member, "100001", 2000, SyncedTill.cash(1000));
                a.sync();
                b.sync();
                b.sell(member, "100001", 1000, SyncedTill.cash(500));
                b.sync();
                String token = b.till.ledger.registration().serverLink().orElseThrow().token();
                OkHttpSyncApi api = new OkHttpSyncApi(OkHttpSyncApi.defaultClient(), b.till.codec, address::get, () -> token);
                MemberHistory history = new MemberHistory(b.till.ledger, b.till.members, b.till.codec, api::memberHistory);

                MemberHistory.Result online = history.of(member.memberId());

                assertThat(online).isInstanceOf(MemberHistory.FromServer.class);
                assertThat(online.entries()).filteredOn(e -> e.type().equals("SaleCompleted"))
                        .extracting(io.chainpos.model.member.HistoryEntry::storeId).containsExactly("S001", "S002");
                assertThat(online.entries().getFirst().fields()).containsEntry("name", "林小雨").containsEntry("phone", "13711112222");

                server.stop();
                MemberHistory.Result offline = history.of(member.memberId());

                assertThat(offline).isInstanceOfSatisfying(MemberHistory.FromThisTill.class,
                        local -> assertThat(local.why()).isEqualTo(TillMessage.of(TillMessage.Code.HISTORY_SERVER_NO_ANSWER)));
                assertThat(offline.entries()).filteredOn(e -> e.type().equals("SaleCompleted"))
                        .as("store A's sale stays in store A; B knows its own").extracting(io.chainpos.model.member.HistoryEntry::storeId)
                        .containsExactly("S002");
                // Store A's registration was absorbed into B's members table and its envelope not kept (issue 17): B's
                // own history of the member starts with what B recorded, and the member is still found by phone.
                assertThat(offline.entries()).extracting(io.chainpos.model.member.HistoryEntry::type)
                        .containsExactly("PointsChanged", "SaleCompleted", "PointsChanged");
                java.util.List<Member> byPhone = b.till.ledger.read(s -> b.till.members.findByPhone(s, "13711112222"));
                assertThat(byPhone).extracting(Member::name).containsExactly("林小雨");
                assertThat(history.of(io.chainpos.model.id.MemberId.newId(clock))).isInstanceOf(MemberHistory.UnknownMember.class);
            }
        }
    }
}
