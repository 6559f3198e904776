package io.chainpos.server.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.MemberTierChanged;
import io.chainpos.model.id.MemberId;
import io.chainpos.server.loyalty.ExpiringPointsReport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The day's service messages: queued once a day from the expiring-points list and the tier moves, never twice. */
class DailyRemindersTest {
    static final Instant DAY = Instant.parse("2026-12-01T02:00:00Z"); // 10:00 in Shanghai

    @TempDir
    Path dir;
    MessagingFixture db;
    Templates templates;
    DailyReminders daily;
    MemberId member;

    @BeforeEach
    void open() {
        db = MessagingFixture.on(dir, DAY.minus(Duration.ofDays(1)));
        templates = new JdbcTemplates(db.storage.database(), db.clock);
        member = db.register(881, "13800008811", "林峰", true);
        Messaging messaging = db.messaging(new Messaging.Rules(QuietHours.none(MessagingFixture.SHANGHAI), 5));
        daily = new DailyReminders(templates, new Reminders(messaging), db.outbox,
                day -> new ExpiringPointsReport.Report(day, DailyReminders.POINTS_AHEAD_DAYS, 12,
                        List.of(new ExpiringPointsReport.Line(member.toString(), 150, day.plusDays(10), 900))),
                db.ports.memberActivities(), () -> List.of("NORMAL", "SILVER", "GOLD"), db.scheduled(messaging), MessagingFixture.SHANGHAI,
                db.clock);
    }

    @AfterEach
    void close() {
        daily.close();
        db.close();
    }

    private LocalDate today() {
        return LocalDate.now(db.clock);
    }

    @Test
    void withoutATemplateOfItsKindNothingIsQueued() {
        db.clock.set(DAY);

        Reminders.Count none = new Reminders.Count(0, 0);
        assertThat(daily.run(today())).isEqualTo(new DailyReminders.Day(none, none, none, none));
        assertThat(db.outbox.membersQueued()).isEmpty();
    }

    @Test
    void aMemberIsToldOfExpiringPointsOnceInThirtyDaysHoweverOftenTheDayRuns() {
        templates.save(new MessageTemplate("t-exp", MessageKind.POINTS_EXPIRING, "积分到期", "{name}，{expiringPoints}积分将于{expiryDate}到期",
                "{name}, {expiringPoints} points expire on {expiryDate}"), "hq-admin");
        db.clock.set(DAY);

        assertThat(daily.run(today()).pointsExpiring()).isEqualTo(new Reminders.Count(1, 0));
        assertThat(daily.run(today()).pointsExpiring()).as("a second run, or a restart").isEqualTo(new Reminders.Count(0, 0));
        db.clock.advance(Duration.ofDays(29));
        assertThat(daily.run(today()).pointsExpiring()).isEqualTo(new Reminders.Count(0, 0));
        db.clock.advance(Duration.ofDays(2));
        assertThat(daily.run(today()).pointsExpiring()).isEqualTo(new Reminders.Count(1, 0));
    }

    @Test
    void yesterdaysMoveUpATierIsCongratulatedOnce() {
        templates.save(new MessageTemplate("t-up", MessageKind.TIER_UPGRADE, "升级", "{name}，恭喜升级为{tier}会员", "{name}, welcome to {tier}"),
                "hq-admin");
        db.push(new MemberTierChanged(member, "NORMAL", "GOLD", MemberTierChanged.Direction.UPGRADE, 1, LocalDate.of(2026, 11, 1), 500_000, null));
        db.clock.set(DAY);

        assertThat(daily.run(today()).tierUpgrades()).isEqualTo(new Reminders.Count(1, 0));
        assertThat(daily.run(today()).tierUpgrades()).isEqualTo(new Reminders.Count(0, 0));
        assertThat(db.outbox.hadKindSince(member.toString(), MessageKind.TIER_UPGRADE, DAY.minus(Duration.ofDays(1)))).isTrue();
    }
}
