package io.chainpos.server.member;

import static io.chainpos.server.testing.Facts.member;
import static io.chainpos.server.testing.Facts.registered;
import static io.chainpos.server.testing.Json.incoming;
import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.Event;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.MemberErased;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.server.Ports;
import io.chainpos.server.db.Storage;
import io.chainpos.server.log.IngestBatch;
import io.chainpos.server.testing.Facts;
import io.chainpos.server.testing.Json;
import io.chainpos.server.testing.TillWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search by part of a name goes through the index of pairs of letters once the index has caught up: only the
 * candidates' names are opened (the scan count says how many), and the answers are those a scan of every name gives,
 * through registrations, keys that come late, renames, merges and erasures.
 */
abstract class MemberNameIndexContract {
    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T03:00:00Z"));
    Storage storage;
    Ports ports;
    JdbcMemberDirectory directory;
    TillWriter till;

    protected abstract Storage open(Path dir);

    @BeforeEach
    void openStore() {
        storage = open(dir);
        ports = Ports.on(storage, Json.CODEC, clock);
        directory = new JdbcMemberDirectory(storage.database(), storage.keys());
        till = new TillWriter("S001", "S001-T1", 1, clock);
    }

    @AfterEach
    void close() {
        storage.close();
    }

    /** Pushes {@code payloads}, handing over the keys of the members they register when {@code withKeys}. */
    private List<EventEnvelope> push(boolean withKeys, Event... payloads) {
        List<EventEnvelope> events = till.next(List.of(payloads));
        if (withKeys) {
            ports.members().storeMemberKeys(Facts.keysOf(events));
        }
        ports.log().ingest(new IngestBatch(till.till, till.epoch, incoming(events)));
        return events;
    }

    private void register(int n, String name, boolean withKey) {
        push(withKey, registered(member(n), "1390000%04d".formatted(n), name));
    }

    private MemberDirectory.NameScan search(String text) {
        return directory.byName(text, Optional.empty(), Optional.empty(), 1_000);
    }

    @Test
    void aNameIsFoundThroughItsPairsAndOnlyTheCandidatesAreOpened() {
        List<String> names = List.of("王小明", "李小明", "王小红", "张伟", "John Smith", "Mary Johnson", "赵小明");
        for (int i = 0; i < names.size(); i++) {
            register(i + 1, names.get(i), true);
        }
        for (int i = 0; i < 40; i++) {
            register(100 + i, "顾客" + i, true);
        }

        MemberDirectory.NameScan found = search("小明");
        assertThat(found.memberIds()).containsExactlyInAnyOrder(member(1).toString(), member(2).toString(), member(7).toString());
        assertThat(found.scanned()).as("names opened: the candidates, not all 47").isEqualTo(3);
        assertThat(found.resumeAfter()).isEmpty();

        assertThat(search("ＪＯＨＮ").memberIds()).as("full-width and upper case, as typed on a phone")
                .containsExactlyInAnyOrder(member(5).toString(), member(6).toString());
        assertThat(search("john smith").memberIds()).containsExactly(member(5).toString());
        assertThat(search("明王").memberIds()).as("both pairs' letters, not in that order").isEmpty();
        assertThat(search("王").memberIds()).as("one letter: every name opened")
                .containsExactlyInAnyOrder(member(1).toString(), member(3).toString());
        assertThat(search("王").scanned()).isEqualTo(47);
    }

    @Test
    void manyCandidatesComeInStepsLikeAScan() {
        for (int i = 0; i < 5; i++) {
            register(i + 1, "陈小" + "一二三四五".charAt(i), true);
        }
        List<String> all = new ArrayList<>();
        Optional<String> after = Optional.empty();
        int steps = 0;
        do {
            MemberDirectory.NameScan step = directory.byName("陈小", Optional.empty(), after, 2);
            all.addAll(step.memberIds());
            after = step.resumeAfter();
            steps++;
        } while (after.isPresent());
        assertThat(all).containsExactlyInAnyOrder(member(1).toString(), member(2).toString(), member(3).toString(),
                member(4).toString(), member(5).toString());
        assertThat(steps).isEqualTo(3);
    }

    @Test
    void aKeyThatComesLateARenameAMergeAndAnErasureAreFollowed() {
        register(1, "周杰", false);
        assertThat(search("周杰").memberIds()).as("no key yet: the name cannot be opened").isEmpty();
        ports.members().storeMemberKeys(List.of(Facts.key(member(1))));
        assertThat(search("周杰").memberIds()).containsExactly(member(1).toString());

        push(false, Facts.renamed(member(1), "周星星"));
        assertThat(search("周杰").memberIds()).isEmpty();
        assertThat(search("星星").memberIds()).containsExactly(member(1).toString());

        register(2, "林星星", true);
        push(false, Facts.merged(member(2), member(1)));
        assertThat(search("星星").memberIds()).as("the merged member answers as its survivor").containsExactly(member(2).toString());

        push(false, new MemberErased(member(2), "hq:test"));
        ports.members().scrub();
        assertThat(search("星星").memberIds()).containsExactly(member(2).toString()); // member 1's own name, under its survivor
        push(false, new MemberErased(member(1), "hq:test"));
        ports.members().scrub();
        assertThat(search("星星").memberIds()).isEmpty();
        List<String> left = storage.database().read(h -> h.createQuery(
                "SELECT member_id FROM member_name_grams WHERE member_id IN (:a, :b)")
                .bind("a", member(1).toString()).bind("b", member(2).toString()).mapTo(String.class).list());
        assertThat(left).as("an erased member leaves no pairs").isEmpty();
    }

    @Test
    void thePairsAreKeyedHashesNotTheLetters() {
        register(1, "欧阳娜娜", true);
        search("娜娜");
        List<String> grams = storage.database().read(h -> h.createQuery("SELECT gram FROM member_name_grams")
                .mapTo(String.class).list());
        assertThat(grams).hasSize(3).allMatch(g -> g.matches("[0-9a-f]{16}"));
        assertThat(String.join(",", grams)).doesNotContain("娜").doesNotContain("欧阳");
        // Another server's secret gives other hashes: the table alone cannot be tested against guessed names.
        try (Storage other = openOther()) {
            Ports.on(other, Json.CODEC, clock);
            JdbcMemberNames names = new JdbcMemberNames(other.database(), other.keys(), Json.CODEC);
            assertThat(names.grams(JdbcMemberNames.pairs("欧阳娜娜"))).doesNotContainAnyElementsOf(grams);
        }
    }

    /** A second, unrelated database. */
    protected abstract Storage openOther();
}
