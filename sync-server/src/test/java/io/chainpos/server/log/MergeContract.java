package io.chainpos.server.log;

import static io.chainpos.server.testing.Facts.member;
import static io.chainpos.server.testing.Facts.merged;
import static io.chainpos.server.testing.Facts.newPhone;
import static io.chainpos.server.testing.Facts.points;
import static io.chainpos.server.testing.Facts.registered;
import static io.chainpos.server.testing.Facts.renamed;
import static io.chainpos.server.testing.Facts.stock;
import static io.chainpos.server.testing.Facts.storedValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.chainpos.model.clock.HybridLogicalClock;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.id.EventId;
import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.sync.MemberView;
import io.chainpos.model.sync.SyncException;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.model.event.MembersMerged;
import io.chainpos.server.member.DuplicatePhones;
import io.chainpos.server.member.PhoneDuplicates;
import io.chainpos.server.testing.Facts;
import io.chainpos.server.testing.Json;
import io.chainpos.server.testing.TillWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The merge rules: last writer wins, sums over distinct events, stock per store, aliases, exceptions. */
abstract class MergeContract extends EventStoreContract {
    @Test
    void profileFieldsMergeLastWriterWinsByHlcWhateverTheArrivalOrder() {
        long t = HybridLogicalClock.of(NOW.toEpochMilli(), 0);
        push(a1, List.of(a1.nextWithHlc(t, registered(member(1), "13900000001", "Old"))));
        EventEnvelope later = b1.nextWithHlc(t + 20, renamed(member(1), "Newest"));
        EventEnvelope earlier = a1.nextWithHlc(t + 10, renamed(member(1), "Middle"));

        push(b1, List.of(later));
        push(a1, List.of(earlier));

        assertThat(view(member(1)).name()).isEqualTo("Newest");
        assertThat(view(member(1)).phone()).isEqualTo("13900000001");
    }

    @Test
    void anHlcTieIsBrokenByTillId() {
        long t = HybridLogicalClock.of(NOW.toEpochMilli(), 5);
        push(a1, List.of(a1.nextWithHlc(t - 1, registered(member(1), "13900000001", "Registered"))));
        push(b1, List.of(b1.nextWithHlc(t, renamed(member(1), "From S002-T1"))));
        push(a2, List.of(a2.nextWithHlc(t, renamed(member(1), "From S001-T2"))));

        assertThat(view(member(1)).name()).isEqualTo("From S002-T1");
    }

    /**
     * A till restored from a backup can issue an hlc again: two writes from one till with one hlc are ordered by
     * event id, compared as text. Worked by hand: the ids differ only in their last character, and 'b' follows 'a',
     * so for each member the write whose id ends in b wins, whether it arrives first or last.
     */
    @Test
    void anHlcAndTillTieIsBrokenByEventId() {
        long t = HybridLogicalClock.of(NOW.toEpochMilli(), 7);
        String smaller = "019ab000-0000-7000-8000-00000000000a";
        String larger = "019ab000-0000-7000-8000-00000000000b";
        push(a1, List.of(a1.nextWithHlc(t - 1, registered(member(1), "13900000001", "Registered"))));
        push(a1, List.of(a1.nextWithHlc(t - 1, registered(member(2), "13900000002", "Registered"))));

        // Member 1: the winner arrives first, then the loser with a higher tillSeq must not replace it.
        push(a1, List.of(withId(a1.nextWithHlc(t, renamed(member(1), "Event b")), larger)));
        push(a1, List.of(withId(a1.nextWithHlc(t, renamed(member(1), "Event a")), smaller)));
        // Member 2: the loser arrives first and the winner replaces it.
        push(a1, List.of(withId(a1.nextWithHlc(t, renamed(member(2), "Event a")),
                "019ab000-0000-7000-8000-00000000001a")));
        push(a1, List.of(withId(a1.nextWithHlc(t, renamed(member(2), "Event b")),
                "019ab000-0000-7000-8000-00000000001b")));

        assertThat(view(member(1)).name()).isEqualTo("Event b");
        assertThat(view(member(2)).name()).isEqualTo("Event b");
    }

    private static EventEnvelope withId(EventEnvelope e, String eventId) {
        return new EventEnvelope(EventId.parse(eventId), e.storeId(), e.tillId(), e.tillEpoch(), e.tillSeq(), e.hlc(),
                e.occurredAt(), e.payload());
    }

    @Test
    void balancesAreSumsOverDistinctEvents() {
        push(a1, a1.next(List.of(points(member(1), 100), storedValue(member(1), 10_000))));
        push(b1, b1.next(List.of(points(member(1), -30), storedValue(member(1), -2_500), points(member(2), 7))));

        assertThat(view(member(1)).pointsBalance()).isEqualTo(70);
        assertThat(view(member(1)).storedValueBalance()).isEqualTo(7_500);
        assertThat(view(member(2)).pointsBalance()).isEqualTo(7);
        assertThat(exceptions.exceptions(10)).isEmpty();
    }

    @Test
    void anOverdraftIsAcceptedAndListed() {
        push(a1, a1.next(List.of(points(member(1), 100), storedValue(member(1), 1_000))));

        IngestResult.Stored stored = push(b1, b1.next(List.of(points(member(1), -150), storedValue(member(1), -1_200))));

        assertThat(stored.accepted()).isEqualTo(2);
        assertThat(view(member(1)).pointsBalance()).isEqualTo(-50);
        assertThat(exceptions.exceptions(10)).extracting(SyncException::kind, SyncException::memberId, SyncException::balance)
                .containsExactly(
                        tuple(SyncException.Kind.POINTS_OVERDRAFT, member(1).toString(), -50L),
                        tuple(SyncException.Kind.STORED_VALUE_OVERDRAFT, member(1).toString(), -200L));
    }

    @Test
    void stockIsPerStoreAndNegativeStockIsFlagged() {
        push(a1, a1.next(List.of(stock("S001", "100001", 10_000, StockChanged.Reason.RECEIPT),
                stock("S001", "100001", -3_000, StockChanged.Reason.SALE))));
        push(b1, b1.next(List.of(stock("S002", "100001", -2_000, StockChanged.Reason.SALE))));

        assertThat(stock.stock(StoreId.of("S001"), Sku.of("100001")).qtyMilli()).isEqualTo(7_000);
        assertThat(stock.stock(StoreId.of("S002"), Sku.of("100001")).qtyMilli()).isEqualTo(-2_000);
        assertThat(stock.stock(StoreId.of("S003"), Sku.of("100001")).qtyMilli()).isZero();
        assertThat(exceptions.exceptions(10)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(SyncException.Kind.NEGATIVE_STOCK);
            assertThat(e.storeId()).isEqualTo("S002");
            assertThat(e.sku()).isEqualTo("100001");
            assertThat(e.qtyMilli()).isEqualTo(-2_000);
        });
    }

    @Test
    void negativeStockIsFlaggedWhenItGoesBelowZeroNotAtEverySaleBelow() {
        push(a1, a1.next(List.of(stock("S001", "100003", 2_000, StockChanged.Reason.RECEIPT),
                stock("S001", "100003", -3_000, StockChanged.Reason.SALE),
                stock("S001", "100003", -1_000, StockChanged.Reason.SALE))));
        push(a2, a2.next(List.of(stock("S001", "100003", -1_000, StockChanged.Reason.SALE),
                stock("S001", "100003", 5_000, StockChanged.Reason.RECEIPT),
                stock("S001", "100003", -4_000, StockChanged.Reason.SALE))));

        assertThat(stock.stock(StoreId.of("S001"), Sku.of("100003")).qtyMilli()).isEqualTo(-2_000);
        assertThat(exceptions.exceptions(10)).extracting(SyncException::qtyMilli).as("below zero at -1000, and again at -2000 "
                + "after a receipt brought it back up").containsExactly(-1_000L, -2_000L);
    }

    @Test
    void aStocktakeCorrectsToTheCountAndLaterMovementsAddToIt() {
        push(a1, a1.next(List.of(stock("S001", "100002", 12_000, StockChanged.Reason.RECEIPT),
                stock("S001", "100002", -1_000, StockChanged.Reason.SALE),
                // 9 counted where 11 were expected: a stocktake's delta is counted minus expected
                stock("S001", "100002", -2_000, StockChanged.Reason.STOCKTAKE),
                stock("S001", "100002", -500, StockChanged.Reason.SALE))));

        assertThat(stock.stock(StoreId.of("S001"), Sku.of("100002")).qtyMilli()).isEqualTo(8_500);
    }

    @Test
    void aMergedMemberIsAnAliasOfTheSurvivor() {
        push(a1, a1.next(List.of(registered(member(1), "13900000001", "张三"), points(member(1), 100))));
        push(b1, b1.next(List.of(registered(member(2), "13900000001", "张三"), points(member(2), 40),
                storedValue(member(2), 500))));

        push(a1, a1.next(List.of(merged(member(1), member(2)))));

        MemberView survivor = view(member(1));
        assertThat(survivor.memberId()).isEqualTo(member(1).toString());
        assertThat(survivor.cardNo()).isEqualTo(registered(member(1), "x", "x").cardNo().value());
        assertThat(survivor.pointsBalance()).isEqualTo(140);
        assertThat(survivor.storedValueBalance()).isEqualTo(500);
        assertThat(view(member(2))).isEqualTo(survivor);
        assertThat(members.memberByPhone("13900000001")).contains(survivor);
        push(b1, b1.next(List.of(points(member(2), 1))));
        assertThat(view(member(1)).pointsBalance()).isEqualTo(141);
    }

    @Test
    void chainedAndCrossingMergesEndInOneSurvivor() {
        push(a1, a1.next(List.of(points(member(1), 1), points(member(2), 2), points(member(3), 4))));

        push(a1, a1.next(List.of(merged(member(2), member(3)), merged(member(1), member(2)), merged(member(3), member(1)))));

        for (int n = 1; n <= 3; n++) {
            assertThat(view(member(n)).memberId()).isEqualTo(member(1).toString());
            assertThat(view(member(n)).pointsBalance()).isEqualTo(7);
        }
    }

    @Test
    void twoUnmergedMembersWithOnePhoneFindTheOldestId() {
        push(b1, b1.next(List.of(registered(member(2), "13900000001", "B"))));
        push(a1, a1.next(List.of(registered(member(1), "13900000001", "A"))));

        assertThat(members.memberByPhone("13900000001")).map(MemberView::memberId).contains(member(1).toString());
    }

    @Test
    void aPhoneTwoStoresRegisteredIsNotedWithTheSecondRegistrationAndMergedOnceByHeadOffice() {
        push(a1, a1.next(List.of(registered(member(1), "13900000001", "A"), registered(member(5), "13900000005", "E"))));
        push(b1, b1.next(List.of(registered(member(2), "13900000001", "B"), points(member(2), 5))));
        projector.catchUp();

        assertThat(phoneDuplicates.noted(10)).as("the shared phone only")
                .extracting(PhoneDuplicates.Note::phoneHash).containsExactly(Facts.LOOKUP.hash("13900000001"));

        DuplicatePhones duplicates = duplicatePhones();
        duplicates.publishNoted();

        assertThat(merges()).containsExactly(member(1) + " <- " + member(2));
        assertThat(phoneDuplicates.noted(10)).as("cleared once published").isEmpty();
        assertThat(view(member(2)).memberId()).isEqualTo(member(1).toString());
        assertThat(view(member(2)).pointsBalance()).isEqualTo(5);

        duplicates.publishNoted();
        log.rebuildProjections();
        duplicates.publishNoted();
        assertThat(merges()).as("published once, the projections rebuilt or not").hasSize(1);
        assertThat(phoneDuplicates.noted(10)).isEmpty();
    }

    @Test
    void aPhoneNotedAgainWhileItsMergeIsPublishedStaysForTheNextRound() {
        sharedPhoneRegisteredAtTwoStores();
        List<PhoneDuplicates.Note> read = phoneDuplicates.noted(10);

        // A third till registers the same phone between the read and the clearing (another node's catch-up).
        sharedPhoneRegisteredAgain();
        phoneDuplicates.cleared(read);

        assertThat(phoneDuplicates.noted(10)).singleElement().satisfies(note -> {
            assertThat(note.phoneHash()).isEqualTo(read.getFirst().phoneHash());
            assertThat(note.notedBy()).isNotEqualTo(read.getFirst().notedBy());
        });
        duplicatePhones().publishNoted();
        assertThat(merges()).containsExactlyInAnyOrder(member(1) + " <- " + member(2), member(1) + " <- " + member(3));
    }

    @Test
    void aClaimedNoteIsLeftToItsClaimantUntilTheClaimRunsOutOrItsClaimantReleasesItNotedAgain() {
        sharedPhoneRegisteredAtTwoStores();

        List<PhoneDuplicates.Note> claimed = phoneDuplicates.claim(10);
        assertThat(claimed).hasSize(1);
        assertThat(phoneDuplicates.claim(10)).as("another node, while the claim holds").isEmpty();
        assertThat(phoneDuplicates.noted(10)).as("still noted").isEqualTo(claimed);

        clock.advance(PhoneDuplicates.CLAIM.plusSeconds(1));
        assertThat(phoneDuplicates.claim(10)).as("the claimant stopped before publishing: claimed after its claim ran out")
                .isEqualTo(claimed);

        sharedPhoneRegisteredAgain();
        assertThat(phoneDuplicates.claim(10)).as("noted again while claimed: still its claimant's").isEmpty();
        phoneDuplicates.cleared(claimed);
        assertThat(phoneDuplicates.claim(10)).as("released by its claimant, which could not clear it").singleElement()
                .satisfies(note -> assertThat(note.notedBy()).isNotEqualTo(claimed.getFirst().notedBy()));
    }

    @Test
    void registrationsMergedInTheirOwnPushLeaveNoNote() {
        push(a1, a1.next(List.of(registered(member(1), "13900000001", "A"), registered(member(2), "13900000001", "B"),
                merged(member(1), member(2)), registered(member(3), "13900000003", "C"))));
        projector.catchUp();

        assertThat(phoneDuplicates.noted(10)).isEmpty();
    }

    /** Members 1 and 2 registered with one phone at two stores, merged into the projections: the phone is noted. */
    private void sharedPhoneRegisteredAtTwoStores() {
        push(a1, a1.next(List.of(registered(member(1), "13900000001", "A"))));
        push(b1, b1.next(List.of(registered(member(2), "13900000001", "B"))));
        projector.catchUp();
    }

    /** Member 3 registered with the same phone at a third till, merged into the projections: the phone is noted again. */
    private void sharedPhoneRegisteredAgain() {
        push(a2, a2.next(List.of(registered(member(3), "13900000001", "C"))));
        projector.catchUp();
    }

    private DuplicatePhones duplicatePhones() {
        return new DuplicatePhones(members, phoneDuplicates, new io.chainpos.server.headoffice.HeadOffice(log, Json.CODEC, clock));
    }

    /** The merges in the log, as "survivor <- merged". */
    private List<String> merges() {
        return log.pull(new PullQuery(0, 1_000, a1.till, a1.epoch, a1.store)).events().stream()
                .map(e -> Json.CODEC.fromJson(e.body()).payload())
                .filter(p -> p instanceof MembersMerged)
                .map(p -> ((MembersMerged) p).memberId() + " <- " + ((MembersMerged) p).mergedId())
                .toList();
    }

    @Test
    void aPhoneLookupFindsTheCurrentPhoneOnly() {
        push(a1, a1.next(List.of(registered(member(1), "13900000001", "A"), newPhone(member(1), "13900000009"))));

        assertThat(members.memberByPhone("13900000009")).map(MemberView::memberId).contains(member(1).toString());
        assertThat(members.memberByPhone("13900000001")).isEmpty();
        assertThat(members.member(member(5))).isEmpty();
    }

    @Test
    void aClockFarAheadIsFlaggedOncePerBatch() {
        ManualClock tillClock = new ManualClock(NOW.plus(Duration.ofHours(3)));
        TillWriter skewed = new TillWriter("S001", "S001-T1", 1, tillClock);

        push(skewed, skewed.next(List.of(points(member(1), 1), points(member(1), 1))));
        push(a2, a2.next(List.of(points(member(1), 1))));

        assertThat(exceptions.exceptions(10)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(SyncException.Kind.CLOCK_SKEW);
            assertThat(e.tillId()).isEqualTo("S001-T1");
            assertThat(e.detail()).contains("2 event(s)");
        });
    }

    @Test
    void exceptionsListTheNewestOldestFirst() {
        for (int i = 1; i <= 5; i++) {
            push(a1, a1.next(List.of(points(member(i), -i))));
        }

        assertThat(exceptions.exceptions(2)).extracting(SyncException::balance).containsExactly(-4L, -5L);
    }

    /**
     * One LWW rule (issue 4): the server's SQL upsert and the till's fold ({@code MemberProfile.evolve}) pick the
     * same winner for every field, whatever the arrival order, with hybrid-time ties broken by till, then event id.
     */
    @Test
    void theServersProfileMergeAgreesWithTheTillsFold() {
        java.util.Random random = new java.util.Random(4);
        TillWriter[] tills = {a1, a2, b1};
        long t = HybridLogicalClock.of(NOW.toEpochMilli(), 0);
        for (int m = 1; m <= 12; m++) {
            io.chainpos.model.id.MemberId id = member(m);
            List<EventEnvelope> written = new java.util.ArrayList<>();
            written.add(a1.nextWithHlc(t + random.nextInt(4), registered(id, "1390000" + "%04d".formatted(m), "r" + m)));
            for (int i = 0; i < 8; i++) {
                TillWriter till = tills[random.nextInt(tills.length)];
                long hlc = t + random.nextInt(4); // few distinct times: ties between tills and within one till
                written.add(till.nextWithHlc(hlc, switch (random.nextInt(3)) {
                    case 0 -> renamed(id, "n" + m + "-" + i);
                    case 1 -> newPhone(id, "1370000" + "%04d".formatted(random.nextInt(10_000)));
                    default -> new io.chainpos.model.event.MemberProfileChanged(id, null, null, null, null, null,
                            "T" + random.nextInt(5), random.nextBoolean());
                }));
            }
            // Push per till in its own sequence order, tills interleaved at random: arrival order is not hlc order.
            java.util.Map<String, List<EventEnvelope>> perTill = new java.util.LinkedHashMap<>();
            written.forEach(e -> perTill.computeIfAbsent(e.tillId().value(), k -> new java.util.ArrayList<>()).add(e));
            List<String> order = new java.util.ArrayList<>(perTill.keySet());
            java.util.Collections.shuffle(order, random);
            for (String tillId : order) {
                TillWriter till = java.util.Arrays.stream(tills).filter(w -> w.till.value().equals(tillId)).findFirst().orElseThrow();
                push(till, perTill.get(tillId));
            }

            io.chainpos.model.member.MemberProfile folded = null;
            for (EventEnvelope e : written) {
                folded = io.chainpos.model.member.MemberProfile.evolve(folded, (io.chainpos.model.event.MemberEvent) e.payload(),
                        new io.chainpos.model.member.Stamp(e.hlc(), e.tillId().value(), e.eventId().toString()));
            }
            io.chainpos.model.member.MemberKey key = io.chainpos.server.testing.Facts.key(id);
            MemberView view = view(id);
            assertThat(view.name()).as("member %d name", m).isEqualTo(key.open(folded.nameValue()).orElseThrow());
            assertThat(view.phone()).as("member %d phone", m).isEqualTo(key.open(folded.phoneValue()).orElseThrow());
            assertThat(view.tierCode()).as("member %d tier", m).isEqualTo(folded.tierCodeValue());
            assertThat(members.memberByPhone(view.phone())).map(MemberView::memberId).contains(id.toString());
        }
    }
}
