package io.chainpos.server.care;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.FeedbackRecorded;
import io.chainpos.model.event.FeedbackUpdated;
import io.chainpos.model.id.FeedbackId;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.server.Ports;
import io.chainpos.server.audit.JdbcAuditLog;
import io.chainpos.server.db.Storage;
import io.chainpos.server.headoffice.HeadOffice;
import io.chainpos.server.log.EventLog;
import io.chainpos.server.log.IngestBatch;
import io.chainpos.server.log.IngestResult;
import io.chainpos.server.member.MemberErasure;
import io.chainpos.server.member.Members;
import io.chainpos.server.testing.Facts;
import io.chainpos.server.testing.Json;
import io.chainpos.server.testing.TillWriter;
import io.chainpos.server.web.ListRequest;
import io.chainpos.server.web.Slice;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feedback and complaints merged from tills' and head office's events: the lists' filters, status and handler moved
 * by head office, notes kept, a member's words opened with the member's key and forgotten when the member is erased,
 * and a rebuild from the log giving the same rows. SQLite and PostgreSQL each extend it with how to open them.
 */
abstract class CareContract {
    static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    static final MemberId MEMBER = Facts.member(701);
    static final String PHONE = "13800007011";

    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(NOW);
    Storage storage;
    EventLog log;
    CareBook book;
    Members members;
    HeadOffice headOffice;
    Complaints complaints;
    TillWriter s001;
    TillWriter s002;

    protected abstract Storage open(Path dir);

    @BeforeEach
    void openStore() {
        storage = open(dir);
        Ports ports = Ports.on(storage, Json.CODEC, clock);
        log = ports.log();
        book = ports.care();
        members = ports.members();
        members.memberLookupSecret(Facts.LOOKUP_SECRET);
        headOffice = new HeadOffice(log, Json.CODEC, clock);
        complaints = new Complaints(book, members, headOffice, new JdbcAuditLog(storage.database(), clock),
                Set.of("S001", "S002")::contains, clock);
        s001 = new TillWriter("S001", "S001-T1", 1, clock);
        s002 = new TillWriter("S002", "S002-T1", 1, clock);
        members.storeMemberKeys(List.of(Facts.key(MEMBER)));
        push(s001, Facts.registered(MEMBER, PHONE, "王芳"));
    }

    @AfterEach
    void closeStore() {
        storage.close();
    }

    private void push(TillWriter till, io.chainpos.model.event.Event... payloads) {
        IngestResult result = log.ingest(new IngestBatch(till.till, till.epoch, Json.incoming(till.next(List.of(payloads)))));
        assertThat(result).isInstanceOf(IngestResult.Stored.class);
    }

    private FeedbackRecorded memberComplaint(String words) {
        return new FeedbackRecorded(FeedbackId.newId(clock), MEMBER, StoreId.of("S001"), FeedbackRecorded.Category.SERVICE, null,
                Facts.key(MEMBER).seal(words), "cashier-01", FeedbackRecorded.Channel.TILL);
    }

    private FeedbackRecorded anonymous(String store, FeedbackRecorded.Category category, String words) {
        return new FeedbackRecorded(FeedbackId.newId(clock), null, StoreId.of(store), category, words, null, "cashier-02",
                FeedbackRecorded.Channel.TILL);
    }

    private List<CareBook.Feedback> list(Optional<String> store, Optional<FeedbackRecorded.Category> category,
                                         CareBook.StatusFilter status) {
        ListRequest request = CareBook.LIST.read(Map.of());
        Slice<CareBook.Feedback> slice = book.list(new CareBook.Filter(store, category, status), request);
        return slice.rows();
    }

    private String words(CareBook.Feedback f) {
        return Complaints.open(f.text(), f.sealedText(), f.memberId(), complaints.keys(List.of(MEMBER.toString()))).orElse("(none)");
    }

    @Test
    void aTillsComplaintIsListedWithItsWordsOpenAndFiltersNarrowTheList() {
        FeedbackRecorded rude = memberComplaint("收银员态度不好");
        push(s001, rude);
        clock.advance(Duration.ofMinutes(5));
        FeedbackRecorded dirty = anonymous("S002", FeedbackRecorded.Category.HYGIENE, "地面很脏");
        push(s002, dirty);

        List<CareBook.Feedback> all = list(Optional.empty(), Optional.empty(), new CareBook.StatusFilter.Active());
        assertThat(all).extracting(CareBook.Feedback::feedbackId).containsExactly(rude.feedbackId().toString(), dirty.feedbackId().toString());
        assertThat(all.getFirst().status()).isEqualTo(FeedbackUpdated.Status.OPEN);
        assertThat(all.getFirst().recorded()).isEqualTo(NOW);
        assertThat(all.getFirst().text()).as("a member's words are kept sealed").isNull();
        assertThat(words(all.getFirst())).isEqualTo("收银员态度不好");
        assertThat(words(all.get(1))).isEqualTo("地面很脏");

        assertThat(list(Optional.of("S002"), Optional.empty(), new CareBook.StatusFilter.All()))
                .extracting(CareBook.Feedback::feedbackId).containsExactly(dirty.feedbackId().toString());
        assertThat(list(Optional.empty(), Optional.of(FeedbackRecorded.Category.SERVICE), new CareBook.StatusFilter.All()))
                .extracting(CareBook.Feedback::feedbackId).containsExactly(rude.feedbackId().toString());
        assertThat(list(Optional.empty(), Optional.of(FeedbackRecorded.Category.PRICE), new CareBook.StatusFilter.All())).isEmpty();
    }

    @Test
    void headOfficeMovesAComplaintOnAndEveryNoteIsKeptInOrder() {
        FeedbackRecorded rude = memberComplaint("收银员态度不好");
        push(s001, rude);
        String id = rude.feedbackId().toString();

        clock.advance(Duration.ofHours(2));
        assertThat(complaints.update("hq-admin", "S001", id, new Complaints.Change("IN_PROGRESS", "店长李", "已电话联系顾客")))
                .isEqualTo(new Complaints.Outcome.Done(id));
        clock.advance(Duration.ofHours(25));
        assertThat(complaints.update("hq-admin", "S001", id, new Complaints.Change("RESOLVED", "店长李", "")))
                .isEqualTo(new Complaints.Outcome.Done(id));

        CareBook.Feedback now = book.find(id).orElseThrow();
        assertThat(now.status()).isEqualTo(FeedbackUpdated.Status.RESOLVED);
        assertThat(now.handler()).isEqualTo("店长李");
        assertThat(now.closed()).isEqualTo(NOW.plus(Duration.ofHours(27)));
        assertThat(list(Optional.empty(), Optional.empty(), new CareBook.StatusFilter.Active())).isEmpty();
        assertThat(list(Optional.empty(), Optional.empty(), new CareBook.StatusFilter.Only(FeedbackUpdated.Status.RESOLVED)))
                .hasSize(1);

        List<CareBook.Update> updates = book.updates(id);
        assertThat(updates).extracting(CareBook.Update::status)
                .containsExactly(FeedbackUpdated.Status.IN_PROGRESS, FeedbackUpdated.Status.RESOLVED);
        assertThat(updates.getFirst().note()).as("a note on a member's complaint is sealed").isNull();
        assertThat(Complaints.open(null, updates.getFirst().sealedNote(), MEMBER.toString(), complaints.keys(List.of(MEMBER.toString()))))
                .contains("已电话联系顾客");
        assertThat(updates.get(1).sealedNote()).isNull();
        assertThat(updates.getFirst().updatedBy()).isEqualTo("hq:hq-admin");

        // Opened again: it is open once more, and no longer counts as closed.
        complaints.update("hq-admin", "S001", id, new Complaints.Change("OPEN", "店长李", "顾客再次来电"));
        assertThat(book.find(id).orElseThrow().closed()).isNull();
        String audit = storage.database().read(h -> h.createQuery(
                "SELECT detail FROM audit_log WHERE action = 'care.updated' ORDER BY id").mapTo(String.class).list()).toString();
        assertThat(audit).contains("status RESOLVED, handler 店长李").doesNotContain("已电话联系顾客");
    }

    @Test
    void badChangesAndAnotherStoresComplaintAreRefused() {
        FeedbackRecorded dirty = anonymous("S002", FeedbackRecorded.Category.HYGIENE, "地面很脏");
        push(s002, dirty);
        String id = dirty.feedbackId().toString();

        assertThat(complaints.update("manager-s001", "S001", id, new Complaints.Change("RESOLVED", "", "")))
                .isEqualTo(new Complaints.Outcome.NotFound());
        assertThat(complaints.update("hq-admin", "S002", id, new Complaints.Change("OPEN", "", "")))
                .isEqualTo(new Complaints.Outcome.Refused("status", "nothing-changed"));
        assertThat(complaints.update("hq-admin", "S002", id, new Complaints.Change("DONE", "", "")))
                .isEqualTo(new Complaints.Outcome.Refused("status", "status"));
        assertThat(complaints.update("hq-admin", "S002", id, new Complaints.Change("CLOSED", "", "字".repeat(1_001))))
                .isEqualTo(new Complaints.Outcome.Refused("note", "note-too-long"));
        assertThat(book.updates(id)).isEmpty();

        assertThat(complaints.update("hq-admin", "S002", id, new Complaints.Change("CLOSED", "", "已清扫")))
                .isEqualTo(new Complaints.Outcome.Done(id));
        assertThat(book.updates(id)).extracting(CareBook.Update::note).containsExactly("已清扫");
    }

    @Test
    void headOfficeRecordsOneForAMemberFoundByPhoneAndRefusesBadInput() {
        assertThat(complaints.record("hq-admin", new Complaints.NewFeedback("S001", "PRICE", "   ", "")))
                .isEqualTo(new Complaints.Outcome.Refused("text", "text-required"));
        assertThat(complaints.record("hq-admin", new Complaints.NewFeedback("S001", "PRICE", "价".repeat(501), "")))
                .isEqualTo(new Complaints.Outcome.Refused("text", "text-too-long"));
        assertThat(complaints.record("hq-admin", new Complaints.NewFeedback("S009", "PRICE", "标价不符", "")))
                .isEqualTo(new Complaints.Outcome.Refused("store", "store"));
        assertThat(complaints.record("hq-admin", new Complaints.NewFeedback("S001", "PRICE", "标价不符", "13900000000")))
                .isEqualTo(new Complaints.Outcome.Refused("memberPhone", "no-member"));

        Complaints.Outcome done = complaints.record("hq-admin", new Complaints.NewFeedback("S001", "PRICE", "价".repeat(500), PHONE));
        assertThat(done).isInstanceOf(Complaints.Outcome.Done.class);
        CareBook.Feedback f = book.find(((Complaints.Outcome.Done) done).feedbackId()).orElseThrow();
        assertThat(f.memberId()).isEqualTo(MEMBER.toString());
        assertThat(f.channel()).isEqualTo(FeedbackRecorded.Channel.BACK_OFFICE);
        assertThat(f.storeId()).isEqualTo("S001");
        assertThat(f.recordedBy()).isEqualTo("hq:hq-admin");
        assertThat(words(f)).isEqualTo("价".repeat(500));
    }

    @Test
    void anErasedMembersComplaintsLoseTheirWordsButStayCounted() {
        FeedbackRecorded rude = memberComplaint("我叫王芳,电话13800007011,收银员态度不好");
        push(s001, rude);
        String id = rude.feedbackId().toString();
        complaints.update("hq-admin", "S001", id, new Complaints.Change("IN_PROGRESS", "店长李", "王芳女士已接受道歉"));

        new MemberErasure(members, headOffice, new JdbcAuditLog(storage.database(), clock)).erase("hq-admin", MEMBER);

        CareBook.Feedback f = book.find(id).orElseThrow();
        assertThat(f.sealedText()).isNull();
        assertThat(f.category()).isEqualTo(FeedbackRecorded.Category.SERVICE);
        assertThat(f.status()).isEqualTo(FeedbackUpdated.Status.IN_PROGRESS);
        assertThat(book.updates(id)).extracting(CareBook.Update::sealedNote).containsOnlyNulls();
        assertThat(complaints.keys(List.of(MEMBER.toString()))).isEmpty();
        assertThat(complaints.update("hq-admin", "S001", id, new Complaints.Change("IN_PROGRESS", "店长李", "再次回访")))
                .isEqualTo(new Complaints.Outcome.Refused("note", "member-erased"));

        log.rebuildProjections();
        CareBook.Feedback rebuilt = book.find(id).orElseThrow();
        assertThat(rebuilt.sealedText()).as("a rebuild does not bring the erased words back").isNull();
        assertThat(rebuilt.status()).isEqualTo(FeedbackUpdated.Status.IN_PROGRESS);
    }

    @Test
    void aRebuildFromTheLogGivesTheSameRows() {
        FeedbackRecorded rude = memberComplaint("收银员态度不好");
        push(s001, rude);
        push(s002, anonymous("S002", FeedbackRecorded.Category.PRODUCT, "牛奶过期"));
        clock.advance(Duration.ofHours(3));
        complaints.update("hq-admin", "S001", rude.feedbackId().toString(), new Complaints.Change("CLOSED", "客服张", "已退款"));
        List<CareBook.Feedback> before = list(Optional.empty(), Optional.empty(), new CareBook.StatusFilter.All());
        List<CareBook.Update> updatesBefore = book.updates(rude.feedbackId().toString());

        log.rebuildProjections();

        assertThat(list(Optional.empty(), Optional.empty(), new CareBook.StatusFilter.All())).isEqualTo(before);
        assertThat(book.updates(rude.feedbackId().toString())).isEqualTo(updatesBefore);
        assertThat(before).hasSize(2);
    }
}
