package io.chainpos.till.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.member.Member;
import io.chainpos.till.testing.RealServer;
import io.chainpos.till.testing.SyncedTill;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Interceptor;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new till in a chain of more members than the server hands keys for at a time: its first round installs the
 * snapshot, cuts the write-ahead log back, then fetches every member's key, batch after batch, counted on the progress
 * bar, so every member's name opens at the counter from the first sale; later rounds ask for none.
 */
class MemberKeysFetchEndToEndTest {
    static final Duration RETENTION = Duration.ofDays(30);
    static final int MEMBERS = 2_150; // more than two of the server's batches of 1,000

    final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T03:00:00Z"));
    @TempDir
    Path dir;

    @Test
    void aNewTillFetchesEveryMembersKeyInItsFirstRound() throws Exception {
        try (RealServer server = RealServer.startOn(dir.resolve("server.db").toString(), clock, RETENTION, false);
             SyncedTill storeA = SyncedTill.enroll(dir.resolve("a.db"), clock, server::uri, server.enrollmentCode("S001", "S001-T1"))) {
            List<Member> registered = registerPastRetention(storeA);

            Path file = dir.resolve("b.db");
            try (SyncedTill fresh = SyncedTill.enroll(file, clock, server::uri, server.enrollmentCode("S002", "S002-T1"))) {
                List<SyncProgress> progress = new CopyOnWriteArrayList<>();
                long[] walAtFirstKeys = {-1};
                fresh.agent.onProgress(p -> {
                    progress.add(p);
                    if (p.stage() == SyncProgress.Stage.KEYS && walAtFirstKeys[0] < 0) {
                        walAtFirstKeys[0] = size(Path.of(file + "-wal"));
                    }
                });

                fresh.sync();

                assertThat(fresh.requested).contains("/api/v1/sync/snapshot");
                List<SyncProgress> keys = progress.stream().filter(p -> p.stage() == SyncProgress.Stage.KEYS).toList();
                assertThat(keys).extracting(SyncProgress::done).containsExactly(1_000L, 2_000L, (long) MEMBERS);
                assertThat(keys).extracting(SyncProgress::total).containsOnly((long) MEMBERS);
                assertThat(progress.getLast()).isEqualTo(SyncProgress.IDLE);
                long wanted = fresh.till.ledger.read(s -> fresh.till.members.keys().wanted(s));
                assertThat(wanted).isZero();
                for (Member member : List.of(registered.getFirst(), registered.get(1_234), registered.getLast())) {
                    List<Member> found = fresh.till.ledger.read(s -> fresh.till.members.findByPhone(s, member.phone()));
                    assertThat(found).extracting(Member::name).as("the key came: the name opens").containsExactly(member.name());
                }
                long installed = fresh.till.ledger.read(s -> s.handle().createQuery(
                        "SELECT SUM(pgsize) FROM dbstat WHERE name IN ('members', 'members_id', 'members_phone_hash', 'members_card')")
                        .mapTo(Long.class).one());
                assertThat(walAtFirstKeys[0]).as("the install's write-ahead log was cut back before the keys came")
                        .isBetween(0L, installed / 2);

                // A member registered later at store A: the next round asks for that one key alone.
                Member later = storeA.register("13911112222", "新会员");
                storeA.sync();
                fresh.requested.clear();
                progress.clear();
                fresh.sync();
                assertThat(fresh.requested).containsOnlyOnce("/api/v1/members/keys/lookup");
                assertThat(progress).noneMatch(p -> p.stage() == SyncProgress.Stage.KEYS);
                List<Member> found = fresh.till.ledger.read(s -> fresh.till.members.findByPhone(s, "13911112222"));
                assertThat(found).extracting(Member::name).containsExactly(later.name());
                fresh.requested.clear();
                fresh.sync();
                assertThat(fresh.requested).as("nothing wanted: no key asked for").doesNotContain("/api/v1/members/keys/lookup");
            }
        }
    }

    @Test
    void aNetworkLostHalfwayKeepsTheKeysThatCameAndTheNextRoundFetchesTheRest() throws Exception {
        try (RealServer server = RealServer.startOn(dir.resolve("server.db").toString(), clock, RETENTION, false);
             SyncedTill storeA = SyncedTill.enroll(dir.resolve("a.db"), clock, server::uri, server.enrollmentCode("S001", "S001-T1"))) {
            List<Member> registered = registerPastRetention(storeA);

            // Every batch after the first (whose ids begin with the first member registered) is lost, until the
            // network comes back; batches are asked for ahead, so which is sent first is not known.
            String firstId = registered.getFirst().memberId().toString();
            AtomicBoolean networkBack = new AtomicBoolean();
            Interceptor laterBatchesLost = chain -> {
                if (chain.request().url().encodedPath().equals("/api/v1/members/keys/lookup") && !networkBack.get()) {
                    Buffer body = new Buffer();
                    chain.request().body().writeTo(body);
                    if (!body.readUtf8().contains(firstId)) {
                        throw new IOException("the shop's network went down");
                    }
                }
                return chain.proceed(chain.request());
            };
            try (SyncedTill fresh = SyncedTill.enroll(dir.resolve("b.db"), clock, server::uri,
                    server.enrollmentCode("S002", "S002-T1"), laterBatchesLost)) {
                List<SyncProgress> progress = new CopyOnWriteArrayList<>();
                fresh.agent.onProgress(progress::add);

                assertThatThrownBy(fresh::sync).isInstanceOf(IOException.class);

                assertThat(progress.getLast()).as("the progress line is taken down").isEqualTo(SyncProgress.IDLE);
                long wanted = fresh.till.ledger.read(s -> fresh.till.members.keys().wanted(s));
                assertThat(wanted).as("the first thousand came and were kept").isEqualTo(MEMBERS - 1_000L);

                networkBack.set(true);
                fresh.sync();

                long left = fresh.till.ledger.read(s -> fresh.till.members.keys().wanted(s));
                assertThat(left).isZero();
                for (Member member : List.of(registered.getFirst(), registered.get(1_500), registered.getLast())) {
                    List<Member> found = fresh.till.ledger.read(s -> fresh.till.members.findByPhone(s, member.phone()));
                    assertThat(found).extracting(Member::name).containsExactly(member.name());
                }
            }
        }
    }

    /**
     * The members registered at {@code till} and pushed, the chain then older than the retention: a new till takes a
     * snapshot.
     */
    private List<Member> registerPastRetention(SyncedTill till) throws IOException {
        till.sync();
        List<Member> registered = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            registered.add(till.register("1390000%04d".formatted(i), "会员" + i));
            clock.advance(Duration.ofSeconds(1)); // a card number is drawn from the clock's millisecond
        }
        till.sync();
        clock.advance(RETENTION.plusDays(1));
        return registered;
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
