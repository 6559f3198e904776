package io.chainpos.server.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.id.MemberId;
import io.chainpos.server.loyalty.ExpiringPointsReport;
import io.chainpos.server.member.MemberActivities;
import io.chainpos.server.testing.Facts;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Templates refused on save for an unknown placeholder, previewed with a real member, and the service reminders they word. */
class TemplatesAndRemindersTest {
    static final Instant NOON = Instant.parse("2026-12-01T04:00:00Z");

    @TempDir
    Path dir;
    MessagingFixture db;
    Templates templates;
    Messaging messaging;
    MemberId member;

    @BeforeEach
    void open() {
        db = open(dir, NOON);
        templates = new JdbcTemplates(db.storage.database(), db.clock);
        messaging = db.messaging(new Messaging.Rules(QuietHours.none(MessagingFixture.SHANGHAI), 5));
        member = db.register(821, "13800008211", "陈静", true);
        db.push(Facts.points(member, 1200), Facts.storedValue(member, 3550));
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** The database these tests run on: a SQLite file here, PostgreSQL in the subclass. */
    MessagingFixture open(Path dir, Instant now) {
        return MessagingFixture.on(dir, now);
    }

    @Test
    void aTemplateWithAnUnknownPlaceholderIsRefusedOnSaveNamedNextToItsField() {
        MessageTemplate typo = new MessageTemplate("t-typo", MessageKind.BIRTHDAY, "生日", "{name}生日快乐，送您{coupon}",
                "Happy birthday {name}");

        assertThat(templates.save(typo, "hq-admin")).isEqualTo(new Templates.Refused("bodyZh", "unknown placeholder: {coupon}"));
        assertThat(templates.template("t-typo")).isEmpty();
    }

    @Test
    void aTemplateIsSavedInBothLanguagesAndPreviewedWithARealMembersValues() {
        MessageTemplate birthday = new MessageTemplate("t-bday", MessageKind.BIRTHDAY, "生日", "{name}生日快乐！积分{points}，储值{storedValue}元",
                "Happy birthday {name}! {points} points, ¥{storedValue} stored");

        assertThat(templates.save(birthday, "hq-admin")).isEqualTo(new Templates.Kept("t-bday"));
        MessageTemplate saved = templates.template("t-bday").orElseThrow();

        assertThat(messaging.preview(member, saved, "zh", Map.of())).contains("陈静生日快乐！积分1200，储值35.50元");
        assertThat(messaging.preview(member, saved, "en", Map.of())).contains("Happy birthday 陈静! 1200 points, ¥35.50 stored");
        assertThat(templates.all()).containsExactly(saved);
    }

    @Test
    void membersOnTheExpiringPointsListAreToldHowManyAndUntilWhen() {
        MemberId declined = db.register(822, "13800008222", "赵磊", false);
        MessageTemplate expiring = new MessageTemplate("t-exp", MessageKind.POINTS_EXPIRING, "积分到期",
                "{name}，您有{expiringPoints}积分将于{expiryDate}到期", "{name}, {expiringPoints} points expire on {expiryDate}");
        ExpiringPointsReport.Report report = new ExpiringPointsReport.Report(LocalDate.of(2026, 12, 1), 30, 12, List.of(
                new ExpiringPointsReport.Line(member.toString(), 300, LocalDate.of(2026, 12, 31), 1200),
                new ExpiringPointsReport.Line(declined.toString(), 80, LocalDate.of(2026, 12, 20), 80)));

        Reminders.Count count = new Reminders(messaging).pointsExpiring(report, expiring, "zh");

        assertThat(count).isEqualTo(new Reminders.Count(1, 1));
        assertThat(db.outbox.membersQueued()).containsExactly(member.toString());
    }

    @Test
    void onlyAMoveUpATierIsCongratulated() throws Exception {
        MessageTemplate upgrade = new MessageTemplate("t-up", MessageKind.TIER_UPGRADE, "升级", "{name}，恭喜升级为{tier}会员",
                "{name}, welcome to {tier}");
        List<MemberActivities.TierMove> moves = List.of(
                new MemberActivities.TierMove(member.toString(), "NORMAL", "GOLD", NOON.toEpochMilli()),
                new MemberActivities.TierMove(member.toString(), "GOLD", "SILVER", NOON.toEpochMilli()));

        Reminders.Count count = new Reminders(messaging).tierUpgrades(moves, List.of("NORMAL", "SILVER", "GOLD"), upgrade, "zh");

        assertThat(count).isEqualTo(new Reminders.Count(1, 0));
        Path file = dir.resolve("sent.jsonl");
        db.sender(new FileChannel(file), QuietHours.none(MessagingFixture.SHANGHAI), Backoff.standard()).sendDue();
        assertThat(java.nio.file.Files.readString(file)).contains("陈静，恭喜升级为GOLD会员");
    }
}
